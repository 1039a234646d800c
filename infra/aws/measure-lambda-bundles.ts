/**
 * Prints each Lambda bundle's size (minified, and gzipped as in the deployment
 * zip) and what takes the most room, bundled exactly as the stack bundles them.
 *
 * `npm run bench:lambda [-- --check]`; with `--check` it exits with 1 when the
 * API bundle is over its budget.
 */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';
import { API_BUNDLE_BUDGET_BYTES, BUNDLE, LAMBDA_ENTRIES, REPO_ROOT, type LambdaName } from './bundling.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** `node_modules/@scope/pkg/...` → `@scope/pkg`; own code → its top two folders. */
function packageOf(input: string): string {
  const inModules = input.split('node_modules/').at(-1)!;
  if (inModules === input) return input.split('/').slice(0, 2).join('/');
  const parts = inModules.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

let over = false;
for (const [name, entry] of Object.entries(LAMBDA_ENTRIES) as Array<[LambdaName, string]>) {
  const result = await build({
    entryPoints: [join(REPO_ROOT, entry)],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE.target,
    minify: BUNDLE.minify,
    charset: BUNDLE.charset,
    banner: { js: BUNDLE.banner },
    external: [...BUNDLE.external],
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
  const budget = name === 'api' ? ` (budget ${kb(API_BUNDLE_BUDGET_BYTES)})` : '';
  console.log(`${name.padEnd(6)} ${kb(code.length).padStart(10)} minified, ${kb(gzipSync(code).length).padStart(9)} gzipped${budget}`);
  console.log(`       ${top.map(([pkg, bytes]) => `${pkg} ${kb(bytes)}`).join(', ')}`);
  if (name === 'api' && code.length > API_BUNDLE_BUDGET_BYTES) over = true;
}
console.log(`AWS SDK: ${BUNDLE.external.join(', ')} external (from the Lambda runtime)`);
if (over && process.argv.includes('--check')) {
  console.error('The API bundle is over its budget.');
  process.exit(1);
}
