import { describe, expect, test } from 'vitest';
import { clientAddressOf, ORIGIN_KEY_HEADER, VIEWER_ADDRESS_HEADER } from '../../functions/api/client-address.ts';

const headers = (values: Record<string, string>) => (name: string) => values[name];

describe('client address behind CloudFront', () => {
  test("the viewer address CloudFront passes is used when CloudFront's key comes with it", () => {
    const h = headers({ [VIEWER_ADDRESS_HEADER]: '203.0.113.7', [ORIGIN_KEY_HEADER]: 'k' });
    expect(clientAddressOf(h, 'k', '130.176.1.1')).toBe('203.0.113.7');
  });

  test('without the right key the header is ignored and the connection address counts', () => {
    expect(clientAddressOf(headers({ [VIEWER_ADDRESS_HEADER]: '203.0.113.7', [ORIGIN_KEY_HEADER]: 'guess' }), 'k', '198.51.100.2')).toBe('198.51.100.2');
    expect(clientAddressOf(headers({ [VIEWER_ADDRESS_HEADER]: '203.0.113.7' }), undefined, '198.51.100.2')).toBe('198.51.100.2');
    expect(clientAddressOf(headers({}), 'k', undefined)).toBe('unknown');
  });
});
