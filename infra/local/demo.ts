/**
 * `npm run demo`: fills plausible submissions into the running platform (most
 * units on time, some late, some missing) and sends every form's summary now.
 */
import { fillDemoSubmissions, settableClock } from './demo-data.ts';
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
  console.log(`\nThư nằm trong ${state.mailDir}; mở ${state.url} để xem biểu mẫu.`);
} finally {
  runtime.db.destroy();
}
