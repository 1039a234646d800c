import { describe, expect, test } from 'vitest';
import { safeNext } from './login.ts';

const ORIGIN = 'https://baocao.example';

describe('where signing in leads back to', () => {
  test('a path on this site is kept with its query and fragment', () => {
    expect(safeNext('/bao-cao/971-nhan-luc-y-te/?x=1#y', ORIGIN)).toBe('/bao-cao/971-nhan-luc-y-te/?x=1#y');
  });

  test.each(['https://evil.example/', '//evil.example/', '/\\evil.example/', '/\t/evil.example/', 'javascript:alert(1)', '', null, undefined, '/dang-nhap/'])(
    'anything else goes home: %s',
    (next) => {
      expect(safeNext(next, ORIGIN)).toBe('/');
    },
  );
});
