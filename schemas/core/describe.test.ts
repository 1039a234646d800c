import { describe, expect, test } from 'vitest';
import { loadForms } from '../registry.ts';
import { describeForm, jsonSchemaOf } from './describe.ts';
import { choice, fields, grid, section, table, yesNo, count } from './fields.ts';

describe('form descriptor for the web', () => {
  test('carries JSON Schema with labels, widgets, bounds and conditions from the metadata', async () => {
    const form = (await loadForms()).get('971-nhan-luc-y-te')!;
    const { jsonSchema, directive, period } = describeForm(form);
    expect(directive.number).toBe('971/TTg-KGVX');
    expect(period).toEqual({ kind: 'once', period: '2021-07-20', deadline: '2021-07-20T17:00' });
    expect(jsonSchema.required).toEqual(['appliesDirective16', 'contact']);
    expect(jsonSchema.additionalProperties).toBe(false);
    const need = jsonSchema.properties!.need!;
    expect(need).toMatchObject({
      widget: 'section',
      showWhen: { field: 'appliesDirective16', equals: true },
      label: { vi: 'Nhu cầu hỗ trợ nhân lực y tế' },
    });
    expect(need.properties!.doctors).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 50000,
      widget: 'count',
      label: { vi: 'Bác sỹ', en: 'Doctors' },
      unit: { vi: 'người' },
    });
    expect(jsonSchema.properties!.note).toMatchObject({ widget: 'textarea', maxLength: 2000 });
  });

  test('a label written as the Vietnamese alone reaches the web as { vi }, English where given', () => {
    const json = jsonSchemaOf(
      fields({
        beds: section({ label: 'Giường bệnh', help: 'Tính đến cuối ngày.' }, { total: count({ label: 'Tổng số', unit: 'giường', max: 9 }) }),
        kind: choice({ label: 'Loại' }, [{ value: 'a', label: 'Công lập' }, { value: 'b', label: { vi: 'Tư nhân', en: 'Private' } }]),
        open: yesNo({ label: 'Hoạt động?', yes: 'Có', no: 'Không' }),
        rows: table({ label: 'Cơ sở', rowLabel: 'cơ sở', maxRows: 3 }, { n: count({ label: { vi: 'Số', en: 'N' }, max: 9 }) }),
        doses: grid({ label: 'Liều', max: 9 }, [{ key: 'd1', label: 'Mũi 1' }], [{ key: 'old', label: { vi: 'Người già', en: 'Elderly' } }]),
      }),
    );
    const p = json.properties!;
    expect(p.beds).toMatchObject({ label: { vi: 'Giường bệnh' }, help: { vi: 'Tính đến cuối ngày.' } });
    expect(p.beds!.properties!.total).toMatchObject({ label: { vi: 'Tổng số' }, unit: { vi: 'giường' } });
    expect(p.kind!.options).toEqual([{ value: 'a', label: { vi: 'Công lập' } }, { value: 'b', label: { vi: 'Tư nhân', en: 'Private' } }]);
    expect(p.open!.options).toEqual([{ value: true, label: { vi: 'Có' } }, { value: false, label: { vi: 'Không' } }]);
    expect(p.rows).toMatchObject({ label: { vi: 'Cơ sở' }, rowLabel: { vi: 'cơ sở' } });
    expect(p.rows!.items!.properties!.n!.label).toEqual({ vi: 'Số', en: 'N' });
    // A cell's label joins its row's and column's; English only when both have it.
    expect(p.doses!.properties!.d1!.properties!.old!.label).toEqual({ vi: 'Mũi 1, Người già' });
    expect(p.doses!.rows).toEqual([{ key: 'd1', label: { vi: 'Mũi 1' } }]);
  });

  test('registry keys must match the ids of the forms they load', async () => {
    const form = (await loadForms()).get('971-nhan-luc-y-te')!;
    await expect(loadForms({ 'other-id': async () => ({ default: form }) })).rejects.toThrow(/does not match/);
  });
});
