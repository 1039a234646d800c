import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isDescendant, OrgUnitCsvError, parseOrgUnitsCsv } from './org-unit.ts';

const seed = readFileSync(new URL('../data/org-units-vn-2021.csv', import.meta.url), 'utf8');

describe('seed org units', () => {
  const units = parseOrgUnitsCsv(seed);
  const byCode = new Map(units.map((u) => [u.code, u]));

  test('holds the nation, 63 provinces, and the districts of Lai Châu and Bình Phước', () => {
    expect(units.filter((u) => u.kind === 'nation').map((u) => u.code)).toEqual(['VN']);
    expect(units.filter((u) => u.kind === 'province')).toHaveLength(63);
    expect(units.filter((u) => u.parent === '12')).toHaveLength(8);
    expect(units.filter((u) => u.parent === '70')).toHaveLength(11);
  });

  test('keeps official codes and regions', () => {
    expect(byCode.get('79')).toEqual({
      code: '79',
      name: 'Thành phố Hồ Chí Minh',
      kind: 'province',
      parent: 'VN',
      region: 'Đông Nam Bộ',
    });
  });

  test('knows districts lie below the nation through their province', () => {
    expect(isDescendant(byCode, byCode.get('105')!, 'VN')).toBe(true);
    expect(isDescendant(byCode, byCode.get('105')!, '70')).toBe(false);
  });
});

describe('a broken seed file', () => {
  const header = 'code,name,kind,parent,region';

  test('is refused for a wrong header', () => {
    expect(() => parseOrgUnitsCsv('id,name\nVN,Việt Nam')).toThrow(OrgUnitCsvError);
  });

  test('is refused for an unknown kind, naming the line', () => {
    expect(() => parseOrgUnitsCsv(`${header}\nVN,Việt Nam,nation,,\n01,Hà Nội,city,VN,`)).toThrow(/line 3/);
  });

  test('is refused for a parent that does not exist', () => {
    expect(() => parseOrgUnitsCsv(`${header}\n01,Hà Nội,province,XX,`)).toThrow(/unknown parent XX/);
  });
});
