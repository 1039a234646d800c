/**
 * Domain errors. Each has a stable `code` that programs and tests rely on and a
 * Vietnamese `userMessage` safe to show; `message` is for logs.
 */
import type { FieldErrors } from '#schemas/core/validate.ts';

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly userMessage: string;
}

export class FormNotFoundError extends DomainError {
  readonly code = 'FORM_NOT_FOUND';
  readonly userMessage = 'Không tìm thấy biểu mẫu.';
}

export class PeriodInvalidError extends DomainError {
  readonly code = 'PERIOD_INVALID';
  readonly userMessage = 'Kỳ báo cáo không hợp lệ đối với biểu mẫu này.';
}

export class OrgUnitNotFoundError extends DomainError {
  readonly code = 'ORG_UNIT_NOT_FOUND';
  readonly userMessage = 'Không tìm thấy đơn vị.';
}

export class NotAReporterError extends DomainError {
  readonly code = 'NOT_A_REPORTER';
  readonly userMessage = 'Đơn vị này không thuộc diện báo cáo biểu mẫu này.';
}

export class SubmissionNotFoundError extends DomainError {
  readonly code = 'SUBMISSION_NOT_FOUND';
  readonly userMessage = 'Đơn vị chưa nộp báo cáo cho kỳ này.';
}

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly userMessage = 'Báo cáo chưa hợp lệ. Vui lòng sửa các trường được đánh dấu.';
  readonly fields: FieldErrors;
  constructor(fields: FieldErrors) {
    super(`validation failed: ${Object.keys(fields).join(', ')}`);
    this.fields = fields;
  }
}

/** Someone else saved a revision between our read and our write. */
export class RevisionConflictError extends DomainError {
  readonly code = 'REVISION_CONFLICT';
  readonly userMessage = 'Báo cáo vừa được cập nhật bởi người khác. Vui lòng tải lại và gửi lại.';
}

export class NoRollupError extends DomainError {
  readonly code = 'NO_ROLLUP';
  readonly userMessage = 'Đơn vị này không có báo cáo của đơn vị cấp dưới để tổng hợp cho biểu mẫu này.';
}
