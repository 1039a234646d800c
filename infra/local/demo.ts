/**
 * `npm run demo`: fills plausible submissions into the running platform (most
 * units on time, some late, some missing) and sends every form's summary now;
 * then shows rounds at run time: the Ministry opens 971 again (due tomorrow
 * 17:00) and a new 4380 round, which Lai Châu relays to its districts with a
 * deadline two days earlier; some districts answer and Lai Châu's draft is
 * built from them. The running platform's scheduler picks the new rounds up
 * (within 30 s) and mails their summaries at their deadlines.
 */
import { addDays } from '#schemas/core/period.ts';
import { dateOf } from '#schemas/core/calendar.ts';
import { formatDate } from '#schemas/core/format.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';
import { createRoundAdmin } from '../../functions/core/round-admin.ts';
import type { Actor } from '../../functions/core/users.ts';
import { fillDemoSubmissions, seededRandom, settableClock } from './demo-data.ts';
import { connectToRunningPlatform } from './state.ts';

const clock = settableClock();
const { registry, runtime, runSummary, state } = await connectToRunningPlatform(clock);
try {
  const filled = await fillDemoSubmissions(runtime.service, clock);
  for (const f of filled) {
    console.log(`${f.formId} kỳ ${f.period}: ${f.onTime} đúng hạn, ${f.late} muộn, ${f.missing} chưa báo cáo`);
  }
  clock.set(new Date());
  for (const form of registry.list()) {
    const period = form.period.kind === 'once' ? form.period.period : form.period.from;
    const result = await runSummary({ formId: form.id, period });
    console.log(`Đã gửi thư: "${result.subject}"`);
  }

  // Rounds at run time, as officials make them from the dashboard.
  const { byCode } = await runtime.service.orgUnits();
  // The demo accounts `npm start` creates (infra/local/accounts.ts).
  const official = (email: string): Actor => {
    const account = DEMO_ACCOUNTS.find((a) => a.email === email)!;
    return { email, name: account.name, role: 'official', unit: byCode.get(account.unit)! };
  };
  const ministry = official('bo-y-te@baocao.local');
  const laiChau = official('lanh-dao-12@baocao.local');
  const rounds = createRoundAdmin({
    service: runtime.service,
    rounds: runtime.rounds,
    submissions: runtime.submissions,
    users: runtime.authStore,
    clock,
    mailer: runtime.config.mailer,
    deliveries: runtime.deliveries,
    publicUrl: state.url,
    recipientKeys: Object.keys(runtime.config.recipients),
  });
  const today = dateOf(new Date());
  const again = await rounds.issue(ministry, {
    formId: '971-nhan-luc-y-te',
    period: { kind: 'once', deadline: `${addDays(today, 1)}T17:00` },
    reporters: { kinds: ['province'] },
    note: 'Thống kê lại nhân lực y tế (bản thử)',
  });
  console.log(`\nĐợt báo cáo mới: 971 hạn 17:00 ${formatDate(addDays(today, 1))} → ${state.url}/bang-dieu-khien/971-nhan-luc-y-te/?dot=${again.id}`);
  const readiness = await rounds.issue(ministry, { formId: '4380-san-sang-tiem-chung', period: { kind: 'once', deadline: `${addDays(today, 7)}T17:00` }, reporters: { kinds: ['province'] } });
  const relay = await rounds.relay(laiChau, readiness.id, { deadline: `${addDays(today, 5)}T17:00`, reporters: { kinds: ['district'] }, note: 'Các huyện báo cáo trước hai ngày' });
  const form4380 = runtime.service.form('4380-san-sang-tiem-chung');
  const districts = await runtime.service.reporters(relay.id);
  for (const unit of districts.slice(0, 5)) {
    await runtime.service.putSubmission(
      { formId: form4380.id, period: readiness.period.kind === 'once' ? readiness.period.period : today, orgUnit: unit.code },
      { data: runtime.service.outputs(form4380.id).demo({ unit, random: seededRandom(`demo-relay/${unit.code}`), period: today }), submittedBy: `Cán bộ ${unit.name}` },
    );
  }
  console.log(`Đợt 4380 mới, Lai Châu chuyển tiếp cho ${districts.length} huyện (hạn sớm hơn hai ngày); 5 huyện đã nộp:`);
  console.log(`  ${state.url}/bang-dieu-khien/4380-san-sang-tiem-chung/?dot=${relay.id} (của Lai Châu)`);
  console.log(`  ${state.url}/bang-dieu-khien/4380-san-sang-tiem-chung/?dot=${readiness.id} (của Bộ Y tế)`);
  console.log(`\nThư nằm trong ${state.mailDir}; mở ${state.url} để xem biểu mẫu.`);
} finally {
  runtime.db.destroy();
}
