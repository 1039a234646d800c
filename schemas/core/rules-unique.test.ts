/** uniqueIn and listedIn: rows of a table against each other and against another table. */
import { describe, expect, test } from 'vitest';
import { choice, count, fields, table, text } from './fields.ts';
import { listedIn, uniqueIn } from './rules.ts';
import { validateData } from './validate.ts';

const L = (vi: string) => ({ vi, en: vi });
const sites = table({ label: L('Danh sách điểm tiêm'), rowLabel: L('điểm tiêm'), maxRows: 9 }, {
  name: text({ label: L('Tên điểm tiêm'), max: 100 }),
  kind: choice({ label: L('Loại điểm') }, [{ value: 'fixed', label: L('Cố định') }, { value: 'mobile', label: L('Lưu động') }]),
});
const plan = table({ label: L('Kế hoạch'), rowLabel: L('dòng kế hoạch'), maxRows: 9 }, {
  site: text({ label: L('Điểm tiêm'), max: 100 }),
  doses: count({ label: L('Số liều'), max: 1000 }),
});
const site = (name: string, kind: 'fixed' | 'mobile' = 'fixed') => ({ name, kind });

describe('uniqueIn', () => {
  const schema = fields({ sites }, [uniqueIn('sites', 'name')]);

  test('each repeat is refused on its own row, naming the first row; text is compared without case', () => {
    expect(validateData(schema, { sites: [site('Trạm A'), site('Trạm B'), site('trạm a'), site('TRẠM B'), site('Trạm A')] })).toEqual({
      ok: false,
      fields: {
        'sites.2.name': ['Tên điểm tiêm này đã có ở dòng 1; mỗi điểm tiêm chỉ khai một dòng.'],
        'sites.3.name': ['Tên điểm tiêm này đã có ở dòng 2; mỗi điểm tiêm chỉ khai một dòng.'],
        'sites.4.name': ['Tên điểm tiêm này đã có ở dòng 1; mỗi điểm tiêm chỉ khai một dòng.'],
      },
    });
  });

  test('distinct rows and an empty table pass; a message given by the form names the row', () => {
    expect(validateData(schema, { sites: [site('Trạm A'), site('Trạm B')] })).toMatchObject({ ok: true });
    expect(validateData(schema, { sites: [] })).toMatchObject({ ok: true });
    const byKind = fields({ sites }, [uniqueIn('sites', 'kind', 'Trùng loại với dòng {row}.')]);
    expect(validateData(byKind, { sites: [site('A'), site('B', 'mobile'), site('C')] })).toEqual({
      ok: false,
      fields: { 'sites.2.kind': ['Trùng loại với dòng 1.'] },
    });
  });
});

describe('listedIn', () => {
  const schema = fields({ sites, plan }, [listedIn('plan.*.site', 'sites.*.name')]);

  test('a row naming a value missing from the other table is refused on that row', () => {
    expect(validateData(schema, { sites: [site('Trạm A')], plan: [{ site: 'trạm a', doses: 1 }, { site: 'Trạm C', doses: 2 }] })).toEqual({
      ok: false,
      fields: { 'plan.1.site': ['Điểm tiêm chưa có trong danh sách điểm tiêm.'] },
    });
  });

  test('nothing listed: every row is refused; no rows: nothing to check', () => {
    expect(validateData(schema, { sites: [], plan: [{ site: 'Trạm A', doses: 1 }] })).toEqual({
      ok: false,
      fields: { 'plan.0.site': ['Điểm tiêm chưa có trong danh sách điểm tiêm.'] },
    });
    expect(validateData(schema, { sites: [], plan: [] })).toMatchObject({ ok: true });
  });
});
