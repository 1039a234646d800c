/**
 * The address of a round's form page, shared by the emails (functions) and the
 * pages (web): a seed round's is its form's page; another round's also says
 * which round, which period and its deadline(s), so the page asks for that
 * round's period rather than the form file's.
 */
import type { PeriodSpec } from './period.ts';

/**
 * Where a reporter answers a round: the form's page, told the round's period when it is not the form's own.
 * @example formLink('https://baocao.vn', seedRound(form971), '2021-07-20') // 'https://baocao.vn/bao-cao/971-nhan-luc-y-te/'
 */
export function formLink(publicUrl: string, round: { id: string; formId: string; period: PeriodSpec }, period: string): string {
  const url = new URL(`/bao-cao/${round.formId}/`, publicUrl);
  if (round.id !== round.formId) {
    url.searchParams.set('dot', round.id);
    url.searchParams.set('ky', period);
    const p = round.period;
    if (p.kind === 'once') url.searchParams.set('han', p.deadline);
    else url.searchParams.set('ngay', `${p.from}/${p.to}/${p.deadlineTime}`);
  }
  return url.toString();
}
