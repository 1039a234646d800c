/**
 * `npm run summary -- <formId> [--ky dd/mm/yyyy] [--again]`: runs the summary
 * job now against the running platform. Without `--ky`, a daily form is
 * summarised for the latest day whose deadline day has come (the last day of
 * a finished round), a one-off form for its only period. Like the scheduled
 * run, it mails each recipient once per period; `--again` sends a fresh
 * edition to everyone. Every outcome is told in Vietnamese: which period and
 * why, to whom it went, or why nothing was sent.
 */
import { dateOf } from '#schemas/core/calendar.ts';
import { formatDate } from '#schemas/core/format.ts';
import { isValidPeriod, listPeriods, type PeriodSpec } from '#schemas/core/period.ts';

const USAGE = 'Cách dùng: npm run summary -- <mã biểu mẫu> [--ky dd/mm/yyyy] [--again]';

export type SummaryRun =
  | { ok: true; formId: string; period: string; again: boolean; why: string }
  | { ok: false; message: string };

/** `dd/mm/yyyy` (or `yyyy-mm-dd`) → `yyyy-mm-dd`, when it is a real date. */
export function parseDay(text: string): string | undefined {
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vi ? `${vi[3]}-${vi[2]!.padStart(2, '0')}-${vi[1]!.padStart(2, '0')}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/**
 * Which form and period the command means, and why; or what is wrong with it.
 * Pure: `forms` is the registry, `now` the clock.
 * @example planSummaryRun(['3294-tien-do-tiem-hang-ngay'], forms, new Date()) // the round's last day, once it is over
 */
export function planSummaryRun(args: readonly string[], forms: ReadonlyArray<{ id: string; period: PeriodSpec }>, now: Date): SummaryRun {
  const kyAt = args.indexOf('--ky');
  const ky = kyAt >= 0 ? args[kyAt + 1] : undefined;
  const unknownFlag = args.find((a) => a.startsWith('--') && a !== '--ky' && a !== '--again');
  if (unknownFlag) return { ok: false, message: `Không hiểu tùy chọn "${unknownFlag}".\n${USAGE}` };
  if (kyAt >= 0 && (ky === undefined || ky.startsWith('--'))) return { ok: false, message: `Thiếu ngày sau --ky (dạng dd/mm/yyyy).\n${USAGE}` };
  const positional = args.filter((a, i) => !a.startsWith('--') && (kyAt < 0 || i !== kyAt + 1));
  const [formId, periodArg, ...extra] = positional;
  const list = `Các biểu mẫu: ${forms.map((f) => f.id).join(', ')}`;
  if (!formId) return { ok: false, message: `Thiếu mã biểu mẫu.\n${USAGE}\n${list}` };
  const form = forms.find((f) => f.id === formId);
  if (!form) return { ok: false, message: `Không có biểu mẫu "${formId}".\n${list}` };
  if (extra.length > 0 || (periodArg && ky)) return { ok: false, message: `Thừa tham số: ${[...extra, ...(periodArg && ky ? [periodArg] : [])].join(' ')}.\n${USAGE}` };
  const again = args.includes('--again');
  const spec = form.period;
  const round = spec.kind === 'daily' ? `đợt báo cáo hằng ngày từ ${formatDate(spec.from)} đến ${formatDate(spec.to)}` : '';

  const asked = ky ?? periodArg;
  if (asked !== undefined) {
    const period = parseDay(asked);
    if (!period) return { ok: false, message: `Ngày "${asked}" không hợp lệ: viết theo dạng dd/mm/yyyy, ví dụ --ky 05/10/2021.` };
    if (!isValidPeriod(spec, period)) {
      return {
        ok: false,
        message:
          spec.kind === 'daily'
            ? `Ngày ${formatDate(period)} nằm ngoài ${round} của biểu mẫu ${form.id}.`
            : `Biểu mẫu ${form.id} chỉ báo cáo một lần, kỳ ${formatDate(spec.period)}; không có kỳ ${formatDate(period)}.`,
      };
    }
    return { ok: true, formId, period, again, why: `Kỳ ${formatDate(period)} (chọn bằng --ky).` };
  }
  if (spec.kind === 'once') return { ok: true, formId, period: spec.period, again, why: `Kỳ ${formatDate(spec.period)}, kỳ duy nhất của biểu mẫu báo cáo một lần.` };

  // The latest day whose (Vietnam) date has come; the round's last day once it is over.
  const latest = listPeriods(spec).filter((p) => p <= dateOf(now)).at(-1);
  if (!latest) return { ok: false, message: `Chưa đến ngày báo cáo nào: ${round}. Dùng --ky dd/mm/yyyy để tổng hợp một ngày trong đợt.` };
  const finished = latest === spec.to;
  return {
    ok: true,
    formId,
    period: latest,
    again,
    why: `Kỳ ${formatDate(latest)}: ${finished ? `ngày cuối của ${round} (đợt đã kết thúc)` : `ngày gần nhất đã đến trong ${round}`}. Chọn ngày khác bằng --ky dd/mm/yyyy.`,
  };
}

/** What went wrong, in Vietnamese, from an error's stable code (or the network's). */
export function explainFailure(error: unknown): string {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | undefined)?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  const name = error instanceof Error ? error.name : '';
  switch (code) {
    case 'RECIPIENTS_NOT_CONFIGURED':
      return 'Chưa cấu hình địa chỉ nhận bản tổng hợp của biểu mẫu này, nên không gửi thư nào.';
    case 'FORM_NOT_FOUND':
      return 'Nền tảng đang chạy không có biểu mẫu này (khởi động lại `npm start` sau khi đăng ký biểu mẫu mới).';
    case 'PERIOD_INVALID':
      return 'Kỳ này không thuộc biểu mẫu.';
    case 'DELIVERY_FAILED':
      return 'Không gửi được thư tổng hợp (máy chủ thư không nhận). Thử lại sau.';
    case 'ECONNREFUSED':
    case 'ECONNRESET':
      return 'Không kết nối được với nền tảng: có thể `npm start` đã dừng. Hãy chạy lại `npm start` ở một cửa sổ khác.';
  }
  if (name === 'TimeoutError' || /ECONNREFUSED|connect|socket hang up/i.test(error instanceof Error ? error.message : '')) {
    return 'Không kết nối được với nền tảng: có thể `npm start` đã dừng. Hãy chạy lại `npm start` ở một cửa sổ khác.';
  }
  return `Không chạy được tổng hợp do lỗi ngoài dự kiến (chi tiết kỹ thuật: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}).`;
}

if (import.meta.main) {
  const { loadForms } = await import('#schemas/registry.ts');
  const plan = planSummaryRun(process.argv.slice(2), (await loadForms()).list(), new Date());
  if (!plan.ok) {
    console.error(plan.message);
    process.exit(1);
  }
  console.log(`Biểu mẫu ${plan.formId}. ${plan.why}`);
  const { connectToRunningPlatform } = await import('./state.ts');
  const { runSummary, runtime, state } = await connectToRunningPlatform();
  try {
    const result = await runSummary({ formId: plan.formId, period: plan.period, ...(plan.again ? { edition: new Date().toISOString() } : {}) });
    console.log(`Tiêu đề thư: "${result.subject}"`);
    if (result.delivery.sent.length) console.log(`Đã gửi tới: ${result.delivery.sent.join(', ')}`);
    if (result.delivery.skipped.length) console.log(`Đã gửi kỳ này trước đó (bỏ qua): ${result.delivery.skipped.join(', ')}. Thêm --again để gửi một bản mới.`);
    console.log(`Thư nằm trong ${state.mailDir}`);
  } catch (error) {
    console.error(explainFailure(error));
    process.exitCode = 1;
  } finally {
    runtime.db.destroy();
  }
}
