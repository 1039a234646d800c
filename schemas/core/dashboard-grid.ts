/**
 * The dashboard's completeness grid as it travels from the API to the page:
 * one row per unit, compact, so that 700 districts × 31 days is ~100 KB of JSON
 * rather than a megabyte of one object per cell. The API encodes
 * (functions/core/dashboard.ts), the page decodes one cell at a time.
 */
export type GridStatus = 'on-time' | 'late' | 'missing';

/** One unit's row. */
export interface GridRow {
  /** One letter per period of the dashboard's `periods`: `o` on time, `l` late, `-` missing. */
  status: string;
  /** Minutes past the deadline, by period index (`"3": 125`), for late reports only. */
  late?: Record<string, number>;
  /** The revision, by period index, for reports amended since they were first sent (revision > 1) only. */
  revision?: Record<string, number>;
  /** An official's standing act on the report, by period index: returned for correction (until resubmitted) or accepted. */
  review?: Record<string, GridReview>;
}

/** An official's act that still holds on a report (a reopened one is as if never reviewed). */
export type GridReview = 'returned' | 'accepted';

/** What one cell says. */
export interface GridCell {
  status: GridStatus;
  lateByMinutes?: number;
  revision?: number;
  review?: GridReview;
}

const LETTER: Record<GridStatus, string> = { 'on-time': 'o', late: 'l', missing: '-' };
const STATUS: Record<string, GridStatus> = { o: 'on-time', l: 'late', '-': 'missing' };

/**
 * A unit's row from its cells, one per period (undefined: missing).
 * @example gridRow([{ status: 'on-time', revision: 1 }, undefined, { status: 'late', lateByMinutes: 5, revision: 2 }])
 * // { status: 'o-l', late: { '2': 5 }, revision: { '2': 2 } }
 */
export function gridRow(cells: Array<GridCell | undefined>): GridRow {
  const row: GridRow = { status: cells.map((c) => LETTER[c?.status ?? 'missing']).join('') };
  cells.forEach((cell, i) => {
    if (cell?.lateByMinutes !== undefined) (row.late ??= {})[i] = cell.lateByMinutes;
    if (cell?.revision !== undefined && cell.revision > 1) (row.revision ??= {})[i] = cell.revision;
    if (cell?.review) (row.review ??= {})[i] = cell.review;
  });
  return row;
}

/**
 * The cell of a row at a period's index; `missing` past the row's end.
 * @example gridCell({ status: 'o-l', late: { '2': 5 } }, 2) // { status: 'late', lateByMinutes: 5 }
 */
export function gridCell(row: GridRow | undefined, index: number): GridCell {
  const status = STATUS[row?.status[index] ?? '-'] ?? 'missing';
  const late = row?.late?.[index];
  const revision = row?.revision?.[index];
  const review = row?.review?.[index];
  return { status, ...(late !== undefined ? { lateByMinutes: late } : {}), ...(revision !== undefined ? { revision } : {}), ...(review ? { review } : {}) };
}
