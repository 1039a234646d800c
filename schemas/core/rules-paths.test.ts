/** Paths in rules and conditions must name fields: a typo fails here, not when a unit reports. */
import { describe, expect, test } from 'vitest';
import { loadForms } from '../registry.ts';
import { jsonSchemaOf } from './describe.ts';
import { count, fields, table, when, yesNo } from './fields.ts';
import { atMost, listedIn, requiredIf, sumOf, uniqueIn, unknownPaths } from './rules.ts';

const L = (vi: string) => ({ vi, en: vi });

describe('rule and condition paths', () => {
  test('every registered form names only fields that exist', async () => {
    for (const form of (await loadForms()).list()) expect([form.id, unknownPaths(jsonSchemaOf(form.schema))]).toEqual([form.id, []]);
  });

  test('a misspelt path anywhere in a rule or a condition is reported', () => {
    const rows = table({ label: L('Dòng'), rowLabel: L('dòng'), maxRows: 3 }, { n: count({ label: L('N'), max: 9 }), ok: yesNo({ label: L('?'), yes: L('Có'), no: L('Không') }) });
    const schema = fields(
      { rows, total: count({ label: L('Tổng'), max: 99 }), extra: when({ field: 'row.0.ok', equals: true }, count({ label: L('Thêm'), max: 9 })) },
      [
        atMost('total', sumOf('rows.*.n', 'rows.*.m')),
        atMost('totl', 5),
        uniqueIn('rows', 'x'),
        requiredIf('rows.*.n', { field: 'rows.*.okay', equals: true }),
        listedIn('rows.*.n', 'rws.*.n'),
      ],
    );
    expect(unknownPaths(jsonSchemaOf(schema))).toEqual(['row.0.ok', 'rows.*.m', 'totl', 'rows.*.x', 'rows.*.okay', 'rws.*.n']);
  });
});
