/**
 * `npm start`: the platform on this machine with embedded defaults.
 * Data stays in `.data/` (git-ignored); Ctrl-C stops everything started here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDemoAccounts } from './accounts.ts';
import { startPlatform } from './platform.ts';
import { clearState, DATA_DIR, writeState } from './state.ts';

const port = Number(process.env.PORT ?? 8080);
const mailDir = join(DATA_DIR, 'mail');
mkdirSync(join(DATA_DIR, 'dynamodb'), { recursive: true });

console.log('Đang khởi động DynamoDB Local, hộp thư thử nghiệm và máy chủ...');
const platform = await startPlatform({
  port,
  dbPath: join(DATA_DIR, 'dynamodb'),
  mailDir,
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(`Không khởi động được: ${error instanceof Error ? error.message : String(error)}`);
  if (String(error).includes('EADDRINUSE')) console.error(`Cổng ${port} đang bận; đặt PORT=... để dùng cổng khác.`);
  process.exit(1);
});

const accounts = await ensureDemoAccounts(platform.runtime.users, platform.runtime.authStore);

writeState({
  url: platform.url,
  dynamodbEndpoint: platform.db.endpoint,
  smtp: { host: platform.sink.host, port: platform.sink.port },
  mailDir,
  pid: process.pid,
});

console.log(`
Nền tảng báo cáo đang chạy: ${platform.url}
  DynamoDB Local:   ${platform.db.endpoint} (dữ liệu trong .data/dynamodb)
  Đơn vị hành chính: nạp ${platform.seeded.written} mới, ${platform.seeded.unchanged} không đổi
  Thư điện tử:      mỗi thư là một tệp .eml trong ${mailDir}
  Lịch chạy:        ${platform.scheduler?.nextRuns().map((r) => `${r.id} → ${r.next ? r.next.toISOString() : 'đã qua'}`).join('; ')}

Tài khoản thử (đăng nhập bằng mã gửi qua thư; thư nằm trong thư mục trên):
${accounts.map((a) => `  ${a.email.padEnd(28)} ${a.role.padEnd(9)} ${a.unit.padEnd(4)} ${a.name}`).join('\n')}

Thử ngay: \`npm run demo\` (ở cửa sổ khác) điền báo cáo mẫu và gửi thư tổng hợp.
Nhấn Ctrl-C để dừng.`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nĐang dừng...');
  clearState();
  await platform.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
