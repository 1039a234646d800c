/** `when`: the platform requires a shown field, refuses a hidden one, and tells the browser both. */
import { describe, expect, test } from 'vitest';
import { choice, count, fields, optionalText, section, table, when, yesNo } from './fields.ts';
import { jsonSchemaOf } from './describe.ts';
import { atMost } from './rules.ts';
import { validateData } from './validate.ts';

const L = (vi: string) => ({ vi, en: vi });
const tested = yesNo({ label: L('Có xét nghiệm không?'), yes: L('Có xét nghiệm'), no: L('Không xét nghiệm') });
const positives = count({ label: L('Số ca dương tính'), max: 1000 });

describe('a single conditional field, without a section', () => {
  const schema = fields({ tested, positives: when({ field: 'tested', equals: true }, positives) });

  test('shown → required, with a message naming the field and the answer that shows it', () => {
    expect(validateData(schema, { tested: true })).toEqual({
      ok: false,
      fields: { positives: ['Vui lòng điền “Số ca dương tính” vì đã chọn “Có xét nghiệm”.'] },
    });
    expect(validateData(schema, { tested: true, positives: 4 })).toEqual({ ok: true, data: { tested: true, positives: 4 } });
  });

  test('hidden → absent: a value sent anyway is refused, naming the field', () => {
    expect(validateData(schema, { tested: false, positives: 4 })).toEqual({
      ok: false,
      fields: { positives: ['Vui lòng bỏ trống “Số ca dương tính” vì đã chọn “Không xét nghiệm”.'] },
    });
    expect(validateData(schema, { tested: false })).toEqual({ ok: true, data: { tested: false } });
  });

  test('the field keeps its own checks when shown', () => {
    expect(validateData(schema, { tested: true, positives: -1 })).toEqual({ ok: false, fields: { positives: ['Không được là số âm.'] } });
  });

  test('a condition on a text or number answer says what the answer is', () => {
    const schema = fields({ level: optionalText({ label: L('Cấp độ'), max: 5 }), note: when({ field: 'level', equals: '4' }, positives) });
    expect(validateData(schema, { level: '3', note: 1 })).toEqual({ ok: false, fields: { note: ['Vui lòng bỏ trống “Số ca dương tính” vì “Cấp độ” là 3.'] } });
    expect(validateData(schema, { note: 1 })).toEqual({ ok: false, fields: { note: ['Vui lòng bỏ trống “Số ca dương tính” vì chưa trả lời “Cấp độ”.'] } });
  });
});

describe('optional, nested and per-row conditions', () => {
  test('an optional field stays optional when shown', () => {
    const schema = fields({ tested, note: when({ field: 'tested', equals: true }, optionalText({ label: L('Ghi chú'), max: 100 })) });
    expect(validateData(schema, { tested: true })).toMatchObject({ ok: true });
    expect(validateData(schema, { tested: true, note: 'x' })).toMatchObject({ ok: true });
    expect(validateData(schema, { tested: false, note: 'x' })).toEqual({
      ok: false,
      fields: { note: ['Vui lòng bỏ trống “Ghi chú” vì đã chọn “Không xét nghiệm”.'] },
    });
  });

  test('inside a table row the condition is that row’s answer; a hidden section is not looked into', () => {
    const schema = fields({
      sites: table({ label: L('Điểm xét nghiệm'), rowLabel: L('điểm'), maxRows: 5 }, {
        tested,
        positives: when({ field: 'sites.*.tested', equals: true }, positives),
      }),
      extra: when({ field: 'sites.0.tested', equals: true }, section({ label: L('Chi tiết') }, { more: when({ field: 'sites.1.tested', equals: true }, positives) })),
    });
    expect(validateData(schema, { sites: [{ tested: true, positives: 1 }, { tested: false, positives: 2 }, { tested: true }] })).toEqual({
      ok: false,
      fields: {
        'sites.1.positives': ['Vui lòng bỏ trống “Số ca dương tính” vì đã chọn “Không xét nghiệm”.'],
        'sites.2.positives': ['Vui lòng điền “Số ca dương tính” vì đã chọn “Có xét nghiệm”.'],
        extra: ['Vui lòng điền “Chi tiết” vì đã chọn “Có xét nghiệm”.'],
      },
    });
    expect(validateData(schema, { sites: [{ tested: false }, { tested: false }], extra: { more: 1 } })).toEqual({
      ok: false,
      fields: { extra: ['Vui lòng bỏ trống “Chi tiết” vì đã chọn “Không xét nghiệm”.'] },
    });
  });
});

describe('conditions and rules travel in the JSON Schema the web gets', () => {
  test('showWhen on the field, optional-when-shown, and the rules at the root', () => {
    const kind = choice({ label: L('Loại') }, [{ value: 'pcr', label: L('RT-PCR') }, { value: 'rapid', label: L('Test nhanh') }]);
    const schema = fields(
      { kind, positives: when({ field: 'kind', equals: 'pcr' }, positives), note: when({ field: 'kind', equals: 'rapid' }, optionalText({ label: L('Ghi chú'), max: 9 })) },
      [atMost('positives', 100)],
    );
    const json = jsonSchemaOf(schema);
    expect(json.required).toEqual(['kind']);
    expect(json.properties!.positives).toMatchObject({ label: { vi: 'Số ca dương tính' }, showWhen: { field: 'kind', equals: 'pcr' } });
    expect(json.properties!.positives!.optional).toBeUndefined();
    expect(json.properties!.note).toMatchObject({ showWhen: { field: 'kind', equals: 'rapid' }, optional: true });
    expect(json.rules).toEqual([{ check: 'atMost', field: 'positives', than: 100 }]);
  });

  test('`when` leaves the schema it wraps unconditional wherever else it is used', () => {
    const schema = fields({ tested, a: when({ field: 'tested', equals: true }, positives), b: positives });
    expect(jsonSchemaOf(schema).properties!.b!.showWhen).toBeUndefined();
    expect(validateData(schema, { tested: false, b: 1 })).toMatchObject({ ok: true });
  });
});
