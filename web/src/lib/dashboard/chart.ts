/** Geometry of the dashboard's line charts: axis ticks and the lines, in SVG user units. No library. */

/**
 * Round tick values from `min` to at least `max`: steps of 1, 2, 2,5 or 5 × 10ⁿ, at most `count` + 1 ticks.
 * @example niceTicks(0, 937) // [0, 250, 500, 750, 1000]
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) max = min + 1;
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; ticks.length < 50; v += step) {
    // Rounded so 0.1 + 0.2 steps do not print as 0.30000000000000004.
    ticks.push(Number(v.toPrecision(12)));
    if (v >= max) break;
  }
  return ticks;
}

/** Consecutive points with a value: a null (a day without data) breaks the line. */
export function runs(values: ReadonlyArray<number | null>): Array<Array<{ index: number; value: number }>> {
  const out: Array<Array<{ index: number; value: number }>> = [];
  let current: Array<{ index: number; value: number }> = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (current.length) out.push(current);
      current = [];
    } else current.push({ index, value });
  });
  if (current.length) out.push(current);
  return out;
}

/**
 * Which x labels to print so they do not overlap: every k-th, and always the last.
 * @example labelEvery(31, 12) // 3
 */
export function labelEvery(count: number, room: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, room)));
}

export interface Scale {
  (value: number): number;
}

/** A linear map from [d0, d1] to [r0, r1]; a flat domain maps to the middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** One x's coverage as the chart shows it: "1/11" and whether the day is incomplete (fewer reports than due). */
export interface CoverageMark {
  text: string;
  incomplete: boolean;
}

/**
 * Each x's "n/N" from a chart's `coverage`; none when the chart has none (or it does not match the x axis).
 * @example coverageMarks([{ reported: 1, expected: 11 }], 1) // [{ text: '1/11', incomplete: true }]
 */
export function coverageMarks(coverage: ReadonlyArray<{ reported: number; expected: number }> | undefined, length: number): CoverageMark[] | undefined {
  if (!coverage || coverage.length !== length) return undefined;
  return coverage.map((c) => ({ text: `${c.reported}/${c.expected}`, incomplete: c.reported < c.expected }));
}
