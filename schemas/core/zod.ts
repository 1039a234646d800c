/**
 * The one Zod entry point for schemas: the tree-shakable `zod/mini` build (a
 * form page must stay under ~40 KB gzipped, and classic Zod alone takes a
 * third of that), configured once with plain-Vietnamese error messages.
 *
 * Every form does `import * as z from '../core/zod.ts'`, never from `zod` directly, so the error
 * map is installed wherever a schema is parsed: in the browser and in the API.
 */
import { config, type core } from 'zod/mini';
import { formatInteger } from './format.ts';

function messageFor(issue: core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) {
        return issue.expected === 'boolean' ? 'Vui lòng chọn một phương án.' : 'Vui lòng nhập thông tin này.';
      }
      if (issue.expected === 'number' || issue.expected === 'int') return 'Vui lòng nhập một số nguyên.';
      if (issue.expected === 'boolean') return 'Vui lòng chọn một phương án.';
      if (issue.expected === 'string') return 'Vui lòng nhập dạng chữ.';
      if (issue.expected === 'object') return 'Dữ liệu phải là một nhóm trường.';
      if (issue.expected === 'array') return 'Dữ liệu phải là một danh sách.';
      return 'Giá trị không đúng kiểu.';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'Vui lòng nhập thông tin này.' : `Cần ít nhất ${issue.minimum} ký tự.`;
      }
      if (issue.origin === 'array') return `Cần ít nhất ${issue.minimum} dòng.`;
      return `Không được nhỏ hơn ${formatInteger(Number(issue.minimum))}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Tối đa ${formatInteger(Number(issue.maximum))} ký tự.`;
      if (issue.origin === 'array') return `Tối đa ${formatInteger(Number(issue.maximum))} dòng.`;
      return `Không được lớn hơn ${formatInteger(Number(issue.maximum))}.`;
    case 'unrecognized_keys':
      return `Trường không có trong biểu mẫu: ${issue.keys.join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Địa chỉ thư điện tử không hợp lệ.';
      if (issue.format === 'date') return 'Ngày không hợp lệ.';
      if (issue.format === 'regex') return 'Giá trị không đúng định dạng.';
      return 'Giá trị không đúng định dạng.';
    case 'invalid_value':
      return 'Vui lòng chọn một phương án trong danh sách.';
    case 'not_multiple_of':
      return 'Vui lòng nhập một số nguyên.';
    default:
      // A union, key or element failure, or a rule without its own message: never Zod's English default.
      return 'Giá trị không hợp lệ.';
  }
}

config({ customError: messageFor });

// Re-exported name by name (not as one namespace object) so bundlers keep only what is used.
export * from 'zod/mini';
