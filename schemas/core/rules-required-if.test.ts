/** requiredIf: a field that must be answered when another has a given answer, at the top or per row. */
import { describe, expect, test } from 'vitest';
import { fields, optionalText, table, text, yesNo } from './fields.ts';
import { requiredIf } from './rules.ts';
import { validateData } from './validate.ts';

const L = (vi: string) => ({ vi, en: vi });
const ready = yesNo({ label: L('Sẵn sàng?'), yes: L('Đã sẵn sàng'), no: L('Chưa sẵn sàng') });
const missing = optionalText({ label: L('Còn thiếu'), max: 100 });

describe('requiredIf', () => {
  test('per row: the condition is read on the same row, the message names the answer chosen', () => {
    const schema = fields(
      { sites: table({ label: L('Điểm tiêm'), rowLabel: L('điểm tiêm'), maxRows: 9 }, { name: text({ label: L('Tên'), max: 50 }), ready, missing }) },
      [requiredIf('sites.*.missing', { field: 'sites.*.ready', equals: false })],
    );
    const sites = [
      { name: 'A', ready: true },
      { name: 'B', ready: false },
      { name: 'C', ready: false, missing: 'Tủ lạnh' },
      { name: 'D', ready: false },
    ];
    expect(validateData(schema, { sites })).toEqual({
      ok: false,
      fields: {
        'sites.1.missing': ['Vui lòng điền “Còn thiếu” vì đã chọn “Chưa sẵn sàng”.'],
        'sites.3.missing': ['Vui lòng điền “Còn thiếu” vì đã chọn “Chưa sẵn sàng”.'],
      },
    });
    expect(validateData(schema, { sites: sites.slice(0, 1) })).toMatchObject({ ok: true });
  });

  test('at the top, with a message given by the form', () => {
    const schema = fields({ ready, missing }, [requiredIf('missing', { field: 'ready', equals: false }, 'Ghi rõ còn thiếu gì.')]);
    expect(validateData(schema, { ready: false })).toEqual({ ok: false, fields: { missing: ['Ghi rõ còn thiếu gì.'] } });
    expect(validateData(schema, { ready: false, missing: 'Người tiêm' })).toMatchObject({ ok: true });
    expect(validateData(schema, { ready: true })).toMatchObject({ ok: true });
  });
});
