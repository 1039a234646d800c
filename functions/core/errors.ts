/**
 * Domain errors. Each has a stable `code` that programs and tests rely on and a
 * Vietnamese `userMessage` safe to show; `message` is for logs.
 */
import type { FieldErrors } from '#schemas/core/validate.ts';
import type { SubmissionHead } from './ports.ts';

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

/**
 * The stored answer is no longer the one the write was based on (someone saved a revision meanwhile, or the
 * same answer is stored already). `current`, when the store could tell, is what is stored now: the failed
 * condition returns it, so the writer need not read it.
 */
export class RevisionConflictError extends DomainError {
  readonly code = 'REVISION_CONFLICT';
  readonly userMessage = 'Báo cáo vừa được cập nhật bởi người khác. Vui lòng tải lại và gửi lại.';
  /** What is stored now, without its data, when the store learned it with the refusal. */
  readonly current: SubmissionHead | undefined;
  constructor(message: string, options?: ErrorOptions & { current?: SubmissionHead | undefined }) {
    super(message, options);
    this.current = options?.current;
  }
}

export class NoRollupError extends DomainError {
  readonly code = 'NO_ROLLUP';
  readonly userMessage = 'Đơn vị này không có báo cáo của đơn vị cấp dưới để tổng hợp cho biểu mẫu này.';
}

export class RoundNotFoundError extends DomainError {
  readonly code = 'ROUND_NOT_FOUND';
  readonly userMessage = 'Không tìm thấy đợt báo cáo.';
}

export class RoundConflictError extends DomainError {
  readonly code = 'ROUND_CONFLICT';
  readonly userMessage = 'Đợt báo cáo vừa được người khác thay đổi. Vui lòng tải lại trang rồi thử lại.';
}

/** A unit would be asked for one period of one form twice. */
export class RoundOverlapError extends DomainError {
  readonly code = 'ROUND_OVERLAP';
  readonly userMessage = 'Đã có đợt báo cáo của biểu mẫu này cho cùng kỳ và cùng đơn vị. Vui lòng chọn kỳ khác hoặc gia hạn đợt đang có.';
}

export class RoundClosedError extends DomainError {
  readonly code = 'ROUND_CLOSED';
  readonly userMessage = 'Đợt báo cáo này đã kết thúc, không nhận thêm báo cáo.';
}

/** An accepted answer changes only after an official of the issuing unit reopens it. */
export class SubmissionAcceptedError extends DomainError {
  readonly code = 'SUBMISSION_ACCEPTED';
  readonly userMessage = 'Báo cáo này đã được cấp trên tiếp nhận. Muốn sửa, đề nghị cấp trên mở lại báo cáo.';
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  readonly userMessage = 'Vui lòng đăng nhập để tiếp tục.';
}

/**
 * A write's check of the session it was authorised from failed: the session was ended or its user changed
 * since this process last read it. Not for users: the API reads the session again and decides anew.
 */
export class SessionChangedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  readonly userMessage = 'Vui lòng đăng nhập để tiếp tục.';
}

/** Refusals carry no detail about what exists. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly userMessage = 'Bạn không có quyền thực hiện thao tác này.';
}

/** Says what was counted and when the window ends; `retryAfterSeconds` becomes the `Retry-After` header. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly userMessage: string;
  readonly retryAfterSeconds: number;
  constructor(message: string, details: { retryAfterSeconds: number; userMessage?: string }, options?: ErrorOptions) {
    super(message, options);
    this.retryAfterSeconds = details.retryAfterSeconds;
    const minutes = Math.max(1, Math.ceil(details.retryAfterSeconds / 60));
    this.userMessage = details.userMessage ?? `Hệ thống đang nhận quá nhiều yêu cầu từ địa chỉ mạng này. Vui lòng thử lại sau khoảng ${minutes} phút.`;
  }
}

export class InvalidCodeError extends DomainError {
  readonly code = 'INVALID_CODE';
  readonly userMessage = 'Mã đăng nhập không đúng hoặc đã hết hạn.';
}

export class AttemptLockedError extends DomainError {
  readonly code = 'ATTEMPT_LOCKED';
  readonly userMessage = 'Bạn đã nhập sai mã quá 5 lần. Vui lòng yêu cầu mã mới.';
}

export class UserExistsError extends DomainError {
  readonly code = 'USER_EXISTS';
  readonly userMessage = 'Địa chỉ thư điện tử này đã có tài khoản.';
}

export class UserNotFoundError extends DomainError {
  readonly code = 'USER_NOT_FOUND';
  readonly userMessage = 'Không tìm thấy người dùng.';
}

export class InvalidJsonError extends DomainError {
  readonly code = 'INVALID_JSON';
  readonly userMessage = 'Dữ liệu gửi lên không đọc được (JSON không hợp lệ).';
}

/** Bytes that are not UTF-8: refused rather than read with U+FFFD in place of what was meant. */
export class InvalidEncodingError extends DomainError {
  readonly code = 'INVALID_ENCODING';
  readonly userMessage = 'Dữ liệu gửi lên có ký tự không đọc được (không phải mã UTF-8). Vui lòng kiểm tra lại nội dung đã dán rồi gửi lại.';
}

/** Some recipients could not be mailed; the job fails so the scheduler retries it. */
export class DeliveryFailedError extends DomainError {
  readonly code = 'DELIVERY_FAILED';
  readonly userMessage = 'Chưa gửi được thư cho một số người nhận; hệ thống sẽ thử lại.';
}

/**
 * The database (or another service a request needs) did not answer in time,
 * refused, or is shedding load: not the user's fault and not a bug, so the API
 * answers 503 with `Retry-After` rather than 500. What the user sent may or
 * may not have been stored; sending the same data again is safe (`unchanged`).
 */
export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly userMessage = 'Hệ thống đang tạm thời gián đoạn nên chưa xử lý được yêu cầu. Vui lòng thử lại sau ít giây; gửi lại cùng nội dung là an toàn.';
  readonly retryAfterSeconds: number;
  constructor(message: string, options: { cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds ?? 10;
  }
}
