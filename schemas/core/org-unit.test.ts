import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isDescendant } from './org-unit.ts';
import { OrgUnitCsvError, parseOrgUnitsCsv } from './org-unit-csv.ts';

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

describe('org-unit CSV as spreadsheets save it', () => {
  test('reads quoted names with commas and quotes, a byte-order mark and CRLF line ends', () => {
    const csv = '\uFEFFcode,name,kind,parent,region\r\nVN,Việt Nam,nation,,\r\n01,"Hà Nội, Thủ đô ""ngàn năm""",province,VN,Đồng bằng sông Hồng\r\n';
    expect(parseOrgUnitsCsv(csv)).toEqual([
      { code: 'VN', name: 'Việt Nam', kind: 'nation' },
      { code: '01', name: 'Hà Nội, Thủ đô "ngàn năm"', kind: 'province', parent: 'VN', region: 'Đồng bằng sông Hồng' },
    ]);
  });

  test('refuses an unclosed quote', () => {
    expect(() => parseOrgUnitsCsv('code,name,kind,parent,region\nVN,"Việt Nam,nation,,')).toThrow(OrgUnitCsvError);
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

describe('CSV reading', () => {
  test('line numbers count the line breaks inside quoted fields; empty lines are skipped', async () => {
    const { readCsv } = await import('./csv.ts');
    expect(readCsv('a,b\r\n"x\r\ny",2\r\n\r\nc,"d ""e"""\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\r\ny', '2'] },
      { line: 5, fields: ['c', 'd "e"'] },
    ]);
  });
});
