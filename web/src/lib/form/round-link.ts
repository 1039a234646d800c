/**
 * A form page opened for a round other than the form's seed round (the link in "Báo cáo cần nộp" or in the
 * round's email: functions/core/rounds.ts `formLink`): the round's period and deadline replace the form file's,
 * `ky` and `han` for a one-off round, `ngay=<from>/<to>/<time>` for a daily one; the prerendered heading says the
 * round's deadline. Fetched only when the address has a query (lazy.ts), so pages opened without one load none of it.
 *
 * It imports nothing at run time: the island awaits it while its own chunk is still being evaluated (a top-level
 * await), so a chunk that imported the island's would wait for it forever. Hence the deadline is written here as
 * format.ts formatWallClock writes it ("17:00 03/12/2026"), not by calling it.
 */
import type { FormDescriptor } from '#schemas/core/describe.ts';

export function applyRoundLink(descriptor: FormDescriptor, search: string): void {
  const q = new URLSearchParams(search);
  const [from, to, deadlineTime] = q.get('ngay')?.split('/') ?? [];
  const han = q.get('han');
  const ky = q.get('ky');
  if (!deadlineTime && !(han && ky)) return;
  descriptor.period = deadlineTime ? { kind: 'daily', from: from!, to: to!, deadlineTime } : { kind: 'once', period: ky!, deadline: han! };
  const shown = document.querySelector('.deadline strong');
  const [date = '', time = ''] = han?.split('T') ?? [];
  if (shown) shown.textContent = deadlineTime ? `${deadlineTime} hằng ngày` : `${time} ${date.split('-').reverse().join('/')}`;
}
