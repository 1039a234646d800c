/**
 * Figures of the 971 summary computed straight from stored items, independently
 * of the code under test, to compare with what the email says.
 */
import type { SubmissionRecord } from '../../functions/core/ports.ts';
import type { EmailProfessionRow } from './mail.ts';

/** 17:00 on 20/07/2021 in Vietnam, written out by hand. */
export const DEADLINE_971_MS = Date.UTC(2021, 6, 20, 10, 0, 0);

type Counts = { doctors: number; nurses: number; technicians: number };
export type Report971 = { appliesDirective16: boolean; need?: Counts; offer?: Counts };

const LABELS = { doctors: 'Bác sỹ', nurses: 'Điều dưỡng viên', technicians: 'Kỹ thuật viên' } as const;

export function expected971(current: SubmissionRecord[], provinces = 63) {
  const rows: Record<string, EmailProfessionRow> = {};
  const total = { need: 0, offer: 0, shortage: 0, surplus: 0 };
  for (const [key, label] of Object.entries(LABELS) as Array<[keyof Counts, string]>) {
    const need = current.reduce((s, r) => s + ((r.data as Report971).need?.[key] ?? 0), 0);
    const offer = current.reduce((s, r) => s + ((r.data as Report971).offer?.[key] ?? 0), 0);
    // Per profession: a surplus of one never makes up for a shortage of another.
    rows[label] = { need, offer, shortage: Math.max(need - offer, 0), surplus: Math.max(offer - need, 0) };
    total.need += need;
    total.offer += offer;
    total.shortage += rows[label]!.shortage;
    total.surplus += rows[label]!.surplus;
  }
  rows['Tổng cộng'] = total;
  const onTime = current.filter((s) => Date.parse(s.firstSubmittedAt) <= DEADLINE_971_MS).length;
  return {
    rows,
    totalNeed: total.need,
    completeness: {
      reported: current.length,
      expected: provinces,
      onTime,
      late: current.length - onTime,
      missing: provinces - current.length,
    },
  };
}
