/**
 * `npm run summary -- <formId> [period] [--again]`: runs the summary job now
 * against the running platform. Like the scheduled run, it mails each
 * recipient once per period; `--again` sends a fresh edition to everyone.
 */
import { connectToRunningPlatform } from './state.ts';

const args = process.argv.slice(2);
const again = args.includes('--again');
const [formId, period] = args.filter((a) => !a.startsWith('--'));
const { registry, runSummary, runtime, state } = await connectToRunningPlatform();
if (!formId || !registry.get(formId)) {
  console.error(`Cách dùng: npm run summary -- <mã biểu mẫu> [kỳ]\nBiểu mẫu: ${registry.list().map((f) => f.id).join(', ')}`);
  process.exit(1);
}
try {
  const result = await runSummary({ formId, ...(period ? { period } : {}), ...(again ? { edition: new Date().toISOString() } : {}) });
  console.log(`"${result.subject}"`);
  if (result.delivery.sent.length) console.log(`Đã gửi tới: ${result.delivery.sent.join(', ')}`);
  if (result.delivery.skipped.length) console.log(`Đã gửi trước đó (bỏ qua): ${result.delivery.skipped.join(', ')} — thêm --again để gửi lại.`);
  console.log(`Thư nằm trong ${state.mailDir}`);
} catch (error) {
  console.error(`Không chạy được tổng hợp: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  runtime.db.destroy();
}
