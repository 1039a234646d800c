import { describe, expect, test } from 'vitest';
import { gridCell, gridRow, type GridCell } from './dashboard-grid.ts';

describe('the dashboard grid’s compact rows', () => {
  const cells: Array<GridCell | undefined> = [
    { status: 'on-time', revision: 1 },
    undefined,
    { status: 'late', lateByMinutes: 125, revision: 3 },
    { status: 'on-time', revision: 2 },
    { status: 'late', lateByMinutes: 1, revision: 1 },
  ];

  test('one letter per period; late minutes and revisions past the first only where there are any', () => {
    expect(gridRow(cells)).toEqual({ status: 'o-lol', late: { 2: 125, 4: 1 }, revision: { 2: 3, 3: 2 } });
    expect(gridRow([{ status: 'on-time', revision: 1 }, undefined])).toEqual({ status: 'o-' });
  });

  test('each cell reads back as it was, a first revision as no revision (nothing to say), missing past the end', () => {
    const row = JSON.parse(JSON.stringify(gridRow(cells))) as ReturnType<typeof gridRow>;
    expect(cells.map((_, i) => gridCell(row, i))).toEqual([
      { status: 'on-time' },
      { status: 'missing' },
      { status: 'late', lateByMinutes: 125, revision: 3 },
      { status: 'on-time', revision: 2 },
      { status: 'late', lateByMinutes: 1 },
    ]);
    expect(gridCell(row, 9)).toEqual({ status: 'missing' });
    expect(gridCell(undefined, 0)).toEqual({ status: 'missing' });
  });
});
