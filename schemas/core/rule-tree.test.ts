/** The rule engine's tree, walked from the Zod schema, agrees with the form's JSON Schema wherever the engine looks. */
import { describe, expect, test } from 'vitest';
import { formLoaders, loadForms } from '../registry.ts';
import { jsonSchemaOf, type JsonSchemaNode } from './describe.ts';
import { count, fields, section, table, text, when, yesNo } from './fields.ts';
import { atMost, checkRules } from './rules.ts';
import { ruleTreeOf } from './rule-tree.ts';

const fixtures = { ...formLoaders, 'vi-du-tu-vung': () => import('../../test/fixtures/forms/vi-du-tu-vung.ts'), 'guide-mot-lan': () => import('../../test/fixtures/forms/guide-mot-lan.ts'), 'guide-hang-ngay': () => import('../../test/fixtures/forms/guide-hang-ngay.ts') };

/** What `rules.ts` reads of a node: tables (`type: 'array'`, `items`), fields (`properties`) and the metadata it names. */
function seen(node: JsonSchemaNode): unknown {
  return {
    array: node.type === 'array',
    ...(node.items ? { items: seen(node.items) } : {}),
    ...(node.properties ? { properties: Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, seen(v)])) } : {}),
    label: node.label,
    options: node.options,
    showWhen: node.showWhen,
    optional: node.optional,
    rowLabel: node.rowLabel,
    rules: node.rules,
  };
}

const L = (vi: string) => ({ vi });

describe('ruleTreeOf', () => {
  test.each(Object.keys(fixtures))('%s: the same tree as the JSON Schema where the rules look', async (id) => {
    const form = (await loadForms({ [id]: fixtures[id as keyof typeof fixtures] })).get(id)!;
    expect(seen(ruleTreeOf(form.schema))).toEqual(seen(jsonSchemaOf(form.schema)));
  });

  test('a condition on an optional section, a table of rows and root rules are where the engine finds them', () => {
    const schema = fields(
      {
        open: yesNo({ label: L('Mở?'), yes: L('Có'), no: L('Không') }),
        sites: when({ field: 'open', equals: true }, table({ label: L('Điểm'), rowLabel: L('điểm'), maxRows: 5 }, { name: text({ label: L('Tên'), max: 50 }), n: count({ label: L('Số'), max: 99 }) })),
        extra: when({ field: 'open', equals: true }, section({ label: L('Thêm') }, { m: count({ label: L('M'), max: 9 }) })),
      },
      [atMost('sites.*.n', 10)],
    );
    const tree = ruleTreeOf(schema);
    expect(tree.rules).toHaveLength(1);
    expect(tree.properties!['sites']).toMatchObject({ type: 'array', showWhen: { field: 'open', equals: true }, rowLabel: { vi: 'điểm' } });
    expect(tree.properties!['sites']!.items!.properties!['n']!.label).toEqual({ vi: 'Số' });
    expect(checkRules(tree, { open: false, extra: { m: 1 } })).toEqual([{ path: 'extra', message: expect.stringContaining('Vui lòng bỏ trống “Thêm”') }]);
    expect(checkRules(tree, { open: true, sites: [{ name: 'A', n: 11 }], extra: { m: 1 } })).toEqual([{ path: 'sites.0.n', message: 'Số không được lớn hơn 10.' }]);
  });
});
