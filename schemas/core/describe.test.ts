import { describe, expect, test } from 'vitest';
import { loadForms } from '../registry.ts';
import { describeForm } from './describe.ts';

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

  test('registry keys must match the ids of the forms they load', async () => {
    const form = (await loadForms()).get('971-nhan-luc-y-te')!;
    await expect(loadForms({ 'other-id': async () => ({ default: form }) })).rejects.toThrow(/does not match/);
  });
});
