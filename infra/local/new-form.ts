/**
 * `npm run new-form -- <id> [--dir <repository>]`: scaffolds `schemas/forms/<id>.ts`
 * (a small once-form that compiles and passes its test, with TODOs to fill),
 * `schemas/forms/<id>.test.ts` and the registry line. `--dir` writes into
 * another copy of the repository (the tests scaffold into a temporary copy).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The same rule `defineForm` applies; checked here first so nothing is written for a bad id. */
const FORM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why `id` cannot be a new form's id (in Vietnamese, for the developer at the terminal), or undefined. */
export function refuseFormId(id: string | undefined, existing: readonly string[]): string | undefined {
  if (!id) return 'Thiếu mã biểu mẫu. Cách dùng: npm run new-form -- <mã-biểu-mẫu>, ví dụ: npm run new-form -- 1234-so-giuong-benh';
  if (!FORM_ID.test(id)) {
    return `Mã biểu mẫu "${id}" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang giữa các phần (ví dụ 1234-so-giuong-benh); mã là địa chỉ trang và khóa lưu trữ.`;
  }
  if (existing.includes(id)) return `Đã có biểu mẫu "${id}" (schemas/forms/${id}.ts). Chọn mã khác, hoặc tăng \`version\` trong tệp đó nếu muốn sửa biểu mẫu.`;
  return undefined;
}

const REGISTRY_OPENING = 'export const formLoaders: FormLoaders = {\n';

/** The registry's source with one more entry, at the end of `formLoaders`. */
export function registryWithForm(source: string, id: string): string {
  const start = source.indexOf(REGISTRY_OPENING);
  const end = start < 0 ? -1 : source.indexOf('\n};\n', start);
  if (end < 0) throw new Error(`Không tìm thấy \`${REGISTRY_OPENING.trim()} … };\` trong schemas/registry.ts: thêm dòng đăng ký bằng tay.`);
  return `${source.slice(0, end + 1)}  '${id}': () => import('./forms/${id}.ts'),\n${source.slice(end + 1)}`;
}

/** The API function's form list (functions/api/submit-forms.ts) with the new form's line at its end. */
export function submitFormsWithForm(source: string, id: string): string {
  return `${source.trimEnd()}\nexport { default as '${id}' } from '#schemas/forms/${id}.ts';\n`;
}

/** The new form's file: the smallest form the platform accepts, with the places to fill marked TODO. */
export function formSource(id: string): string {
  return `/**
 * TODO: Số, ngày, cơ quan ban hành và trích yếu của văn bản chỉ đạo; ai báo cáo, hạn báo cáo.
 * TODO: The directive's number, date, issuer and subject; who reports, by when.
 * Hướng dẫn / guide: schemas/README.md
 */
import { count, fields, optionalText } from '../core/fields.ts';
import { defineForm, type OutputsOf } from '../core/form.ts';

const L = (vi: string, en = vi) => ({ vi, en });

const form = defineForm({
  id: '${id}',
  version: 1,
  title: L('TODO: Tên biểu mẫu báo cáo'),
  directive: {
    number: 'TODO/BYT-XX', // TODO: số văn bản / document number
    issuer: 'VN', // mã đơn vị ban hành / issuer's org unit code
    issuerName: L('Bộ Y tế', 'Ministry of Health'),
    date: '2021-08-01', // TODO: ngày ban hành / date of issue
    title: L('TODO: V/v …'),
    urgency: 'normal',
  },
  // TODO: đơn vị phải báo cáo / who must report
  reporters: { under: 'VN', kinds: ['province'] },
  // TODO: kỳ và hạn báo cáo, giờ Việt Nam / period and deadline, Vietnam time
  period: { kind: 'once', period: '2021-08-01', deadline: '2021-08-08T17:00' },
  schema: fields(
    {
      // TODO: các trường lấy từ văn bản (xem schemas/README.md) / the fields, in the directive's words
      total: count({ label: L('TODO: Tổng số'), max: 1_000_000 }),
      note: optionalText({ label: L('Ghi chú'), max: 2000, multiline: true }),
    },
    // TODO: quy tắc giữa các trường, ví dụ atMost('a', 'b') từ '../core/rules.ts' / rules across fields
    [],
  ),
  summary: {
    // TODO: nơi nhận bản tổng hợp (địa chỉ trong cấu hình) / recipients (addresses come from configuration)
    recipients: [{ key: 'noi-nhan-tong-hop', name: L('TODO: Nơi nhận tổng hợp') }],
  },
});

export default form;

/** Bản tổng hợp và dữ liệu mẫu / the summary and the demo data (outputs only: never on the submit path). */
export const outputs: OutputsOf<typeof form> = {
  summary: ({ reports }) => ({
    figures: [{ label: L('TODO: Tổng số'), value: reports.reduce((sum, r) => sum + r.data.total, 0) }],
    tables: [],
  }),
  demo: ({ random }) => ({ total: Math.floor(random() * 1000) }),
};
`;
}

/** The new form's test: valid and invalid answers, and the summary on hand-made reports. */
export function formTestSource(id: string): string {
  return `import { describe, expect, test } from 'vitest';
import type { OrgUnit } from '../core/org-unit.ts';
import { validateData } from '../core/validate.ts';
import form, { outputs } from './${id}.ts';

const province = (code: string, name: string): OrgUnit => ({ code, name, kind: 'province', parent: 'VN' });

describe('${id}', () => {
  test('a count with an optional note is valid', () => {
    expect(validateData(form.schema, { total: 12, note: '  Đủ.  ' })).toEqual({ ok: true, data: { total: 12, note: 'Đủ.' } });
  });

  test('the count is required', () => {
    expect(validateData(form.schema, {})).toMatchObject({ ok: false, fields: { total: [expect.any(String)] } });
  });

  test('the summary adds up the units that reported', () => {
    const content = outputs.summary({
      period: '2021-08-01',
      reports: [
        { unit: province('01', 'Hà Nội'), data: { total: 3 }, timeliness: 'on-time' },
        { unit: province('79', 'TP. Hồ Chí Minh'), data: { total: 4 }, timeliness: 'late' },
      ],
      reporters: [province('01', 'Hà Nội'), province('79', 'TP. Hồ Chí Minh')],
      earlier: [],
    });
    expect(content.figures[0]!.value).toBe(7);
  });

  // TODO: thêm kiểm thử cho từng quy tắc của biểu mẫu / a test for each of the form's rules
});
`;
}

/** Writes the form, its test and the registry line under `root`; returns the files written, from `root`. */
export function scaffoldForm(root: string, id: string): string[] {
  const registryFile = path.join(root, 'schemas', 'registry.ts');
  const registry = readFileSync(registryFile, 'utf8');
  const existing = [...registry.matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]!);
  const formFile = path.join(root, 'schemas', 'forms', `${id}.ts`);
  const refusal = refuseFormId(id, existsSync(formFile) ? [...existing, id] : existing);
  if (refusal) throw new RefusedFormId(refusal);
  const updated = registryWithForm(registry, id);
  const submitFormsFile = path.join(root, 'functions', 'api', 'submit-forms.ts');
  const submitForms = submitFormsWithForm(readFileSync(submitFormsFile, 'utf8'), id);
  writeFileSync(formFile, formSource(id), { flag: 'wx' });
  writeFileSync(path.join(root, 'schemas', 'forms', `${id}.test.ts`), formTestSource(id), { flag: 'wx' });
  writeFileSync(registryFile, updated);
  writeFileSync(submitFormsFile, submitForms);
  return [`schemas/forms/${id}.ts`, `schemas/forms/${id}.test.ts`, 'schemas/registry.ts', 'functions/api/submit-forms.ts'];
}

export class RefusedFormId extends Error {
  readonly code = 'REFUSED_FORM_ID';
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const dirAt = args.indexOf('--dir');
  const root = dirAt >= 0 ? path.resolve(args[dirAt + 1] ?? '.') : REPO_ROOT;
  const id = args.filter((a, i) => !a.startsWith('--') && (dirAt < 0 || i !== dirAt + 1))[0];
  try {
    const written = scaffoldForm(root, id ?? '');
    console.log(`Đã tạo biểu mẫu ${id}:\n${written.map((f) => `  ${f}`).join('\n')}`);
    console.log(`Tiếp theo: điền các chỗ TODO (xem schemas/README.md), rồi chạy npx vitest run schemas/forms/${id}.test.ts`);
  } catch (error) {
    console.error(error instanceof RefusedFormId ? error.message : `Không tạo được biểu mẫu: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
