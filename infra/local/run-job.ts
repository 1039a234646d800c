/**
 * `npm run summary -- <formId> [period]`: runs the summary job now against the
 * running platform and sends the email to the local sink.
 */
import { connectToRunningPlatform } from './state.ts';

const [formId, period] = process.argv.slice(2);
const { registry, runSummary, runtime, state } = await connectToRunningPlatform();
if (!formId || !registry.get(formId)) {
  console.error(`Cách dùng: npm run summary -- <mã biểu mẫu> [kỳ]\nBiểu mẫu: ${registry.list().map((f) => f.id).join(', ')}`);
  process.exit(1);
}
try {
  const result = await runSummary({ formId, ...(period ? { period } : {}) });
  console.log(`Đã gửi: "${result.subject}" tới ${result.to.join(', ')}\nThư nằm trong ${state.mailDir}`);
} catch (error) {
  console.error(`Không chạy được tổng hợp: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  runtime.db.destroy();
}
