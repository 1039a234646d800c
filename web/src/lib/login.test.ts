import { describe, expect, test } from 'vitest';
import { safeNext } from './login.ts';

const ORIGIN = 'https://baocao.example';

/** As the login page reads it: the query string decoded by URLSearchParams. */
const fromQuery = (query: string) => safeNext(new URLSearchParams(query).get('next'), ORIGIN);

describe('where signing in leads back to', () => {
  test('a path on this site is kept with its query and fragment', () => {
    expect(safeNext('/bao-cao/971-nhan-luc-y-te/?x=1#y', ORIGIN)).toBe('/bao-cao/971-nhan-luc-y-te/?x=1#y');
  });

  test('a path is returned normalised, so what was checked is what is followed', () => {
    expect(safeNext('/bao-cao/./x/../971-nhan-luc-y-te/', ORIGIN)).toBe('/bao-cao/971-nhan-luc-y-te/');
    expect(fromQuery('next=%2Fbao-cao%2F971-nhan-luc-y-te%2F')).toBe('/bao-cao/971-nhan-luc-y-te/');
  });

  test.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '\\/evil.example/',
    '/%5Cevil.example/',
    '/%5cevil.example/',
    '/.//evil.example/',
    '/..//evil.example/',
    '/a/../..//evil.example/',
    '/%2E//evil.example/',
    '/\t/evil.example/',
    '/\n/evil.example/',
    '/\r\n/evil.example/',
    '\t//evil.example/',
    ' //evil.example/',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'https:evil.example',
    '',
    null,
    undefined,
    '/dang-nhap/',
  ])('anything else goes home: %j', (next) => {
    expect(safeNext(next, ORIGIN)).toBe('/');
  });

  test.each([
    'next=%2F.%2F%2Fevil.example%2F',
    'next=%2F..%2F%2Fevil.example%2F',
    'next=%2F%5Cevil.example%2F',
    'next=%2F%255Cevil.example%2F',
    'next=%5C%2Fevil.example%2F',
    'next=%2F%09%2Fevil.example%2F',
    'next=%2F%0A%2Fevil.example%2F',
    'next=javascript%3Aalert(1)',
    'next=https%3A%2F%2Fevil.example%2F',
  ])('the login address /dang-nhap/?%s does not leave the site', (query) => {
    expect(fromQuery(query)).toBe('/');
  });
});
