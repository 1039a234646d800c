/**
 * `npm run users -- <command>`: manage users from the command line, as the
 * system (no session). Acts on the platform `npm start` runs, or, with
 * TABLE_NAME and AWS_REGION set, on a deployed table (how the first admin of
 * a new deployment is created).
 *
 *   npm run users -- list [--unit <code>]
 *   npm run users -- create --email <e> --name "<name>" --unit <code> --role reporter|official|admin
 *   npm run users -- disable --email <e>
 *   npm run users -- enable --email <e>
 *   npm run users -- import <file.csv>      (lines: email,name,unit,role)
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadForms } from '#schemas/registry.ts';
import { DomainError, ValidationFailedError } from '../../functions/core/errors.ts';
import type { Mailer } from '../../functions/core/ports.ts';
import { createRuntime, type Runtime } from '../../functions/runtime.ts';
import { connectToRunningPlatform } from './state.ts';

const noMail: Mailer = {
  send: () => Promise.reject(new Error('the users command sends no mail')),
};

async function connect(): Promise<Runtime> {
  const table = process.env.TABLE_NAME;
  if (table) {
    return createRuntime({
      registry: await loadForms(),
      tableName: table,
      dynamodb: { region: process.env.AWS_REGION ?? 'ap-southeast-1' },
      mailer: noMail,
      publicUrl: 'https://localhost',
      recipients: {},
    });
  }
  return (await connectToRunningPlatform()).runtime;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' }, role: { type: 'string' } },
});
const [command, file] = positionals;
const runtime = await connect();
try {
  switch (command) {
    case 'list': {
      const users = (await runtime.users.list('system')).filter((u) => !values.unit || u.unit === values.unit);
      for (const u of users) console.log(`${u.email.padEnd(32)} ${u.role.padEnd(9)} ${u.unit.padEnd(10)} ${u.status.padEnd(8)} ${u.name}`);
      console.log(`${users.length} người dùng.`);
      break;
    }
    case 'create': {
      const user = await runtime.users.create('system', { email: values.email, name: values.name, unit: values.unit, role: values.role });
      console.log(`Đã tạo ${user.email} (${user.role}, đơn vị ${user.unit}).`);
      break;
    }
    case 'disable':
    case 'enable': {
      const user = await runtime.users.setStatus('system', values.email ?? '', command === 'disable' ? 'disabled' : 'active');
      console.log(`${user.email}: ${user.status === 'active' ? 'đã kích hoạt' : 'đã khoá, các phiên đăng nhập kết thúc ngay'}.`);
      break;
    }
    case 'import': {
      if (!file || !existsSync(file)) throw new Error('Cách dùng: npm run users -- import <tệp.csv>');
      const result = await runtime.users.importCsv('system', readFileSync(file, 'utf8'));
      console.log(`Đã nhập: ${result.created} người dùng mới, ${result.updated} cập nhật.`);
      break;
    }
    default:
      console.error('Cách dùng: npm run users -- list | create --email --name --unit --role | disable --email | enable --email | import <tệp.csv>');
      process.exitCode = 1;
  }
} catch (error) {
  if (error instanceof ValidationFailedError) {
    console.error('Dữ liệu chưa hợp lệ:');
    for (const [field, messages] of Object.entries(error.fields)) console.error(`  ${field || '(tệp)'}: ${messages.join(' ')}`);
  } else if (error instanceof DomainError) {
    console.error(error.userMessage);
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exitCode = 1;
} finally {
  runtime.db.destroy();
}
