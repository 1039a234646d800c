import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listPages, viewerRequestCode } from '../../infra/aws/web-routing.ts';

function fakeBuild(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-build-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), '<!doctype html>');
  }
  return dir;
}

const build = fakeBuild(['index.html', '200.html', 'dang-nhap/index.html', 'bao-cao/index.html', 'bieu-mau/index.html', 'bao-cao/971-nhan-luc-y-te/index.html', '_app/x.js']);
const handler = new Function(`${viewerRequestCode(listPages(build))}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
const route = (uri: string) => handler({ request: { uri } }).uri;

describe('page routing at CloudFront, as the local server does it', () => {
  test('lists the pages of a build', () => {
    expect(listPages(build)).toEqual([
      '/200.html',
      '/bao-cao/971-nhan-luc-y-te/index.html',
      '/bao-cao/index.html',
      '/bieu-mau/index.html',
      '/dang-nhap/index.html',
      '/index.html',
    ]);
  });

  test('a prerendered page is served from its index.html, with or without the slash', () => {
    expect(route('/')).toBe('/index.html');
    expect(route('/dang-nhap/')).toBe('/dang-nhap/index.html');
    expect(route('/dang-nhap')).toBe('/dang-nhap/index.html');
    expect(route('/bao-cao/971-nhan-luc-y-te/')).toBe('/bao-cao/971-nhan-luc-y-te/index.html');
  });

  test('a form added after the build gets the generic form page', () => {
    expect(route('/bao-cao/bieu-mau-moi/')).toBe('/bieu-mau/index.html');
    expect(route('/bao-cao/bieu-mau-moi')).toBe('/bieu-mau/index.html');
  });

  test('/bao-cao/ itself is its own page: the list of reports due', () => {
    expect(route('/bao-cao/')).toBe('/bao-cao/index.html');
    expect(route('/bao-cao')).toBe('/bao-cao/index.html');
  });

  test('assets pass unchanged; other paths get the SPA fallback', () => {
    expect(route('/_app/x.js')).toBe('/_app/x.js');
    expect(route('/khong-co/')).toBe('/200.html');
  });
});
