/**
 * Computed values: declared as data in a form's metadata (so they travel in the
 * JSON Schema to the browser) and evaluated by this one function everywhere —
 * beside the fields, in summaries, in emails.
 */
import type { Text } from './i18n.ts';

/** Paths are dotted, relative to the section or table row the field sits in. */
export type Formula =
  | { op: 'sum'; of: string[] }
  | { op: 'difference'; minuend: string; subtrahend: string }
  /** numerator / denominator × 100, one decimal; undefined when the denominator is 0. */
  | { op: 'percent'; numerator: string; denominator: string };

export interface ComputedField {
  key: string;
  label: Text;
  unit?: Text;
  formula: Formula;
}

function numberAt(value: unknown, path: string): number | undefined {
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === 'number' && Number.isFinite(cur) ? cur : undefined;
}

/**
 * @example evaluateFormula({ op: 'percent', numerator: 'done', denominator: 'target' }, { done: 1, target: 3 }) // 33.3
 */
export function evaluateFormula(formula: Formula, value: unknown): number | undefined {
  switch (formula.op) {
    case 'sum': {
      const parts = formula.of.map((p) => numberAt(value, p));
      return parts.every((p) => p === undefined) ? undefined : parts.reduce<number>((s, p) => s + (p ?? 0), 0);
    }
    case 'difference': {
      const a = numberAt(value, formula.minuend);
      const b = numberAt(value, formula.subtrahend);
      return a === undefined || b === undefined ? undefined : a - b;
    }
    case 'percent': {
      const n = numberAt(value, formula.numerator);
      const d = numberAt(value, formula.denominator);
      return n === undefined || !d ? undefined : Math.round((n / d) * 1000) / 10;
    }
  }
}
