/** Who is asking, for the rate limits: the client address behind CloudFront. */

/** Set by the CloudFront distribution in front of the API (infra/aws): the viewer's IP, and a key proving CloudFront set it. */
export const VIEWER_ADDRESS_HEADER = 'x-baocao-viewer-address';
export const ORIGIN_KEY_HEADER = 'x-baocao-origin-key';

/**
 * The client address for rate limits. Behind CloudFront, API Gateway sees an
 * edge server shared by many users, so the viewer address CloudFront passes on
 * is used, but only with the key only CloudFront sends: a direct caller of the
 * API Gateway endpoint could otherwise pick its own address.
 * @example clientAddressOf((h) => headers[h], key, '130.176.1.1') // the viewer's IP when the key matches
 */
export function clientAddressOf(header: (name: string) => string | undefined, originKey: string | undefined, sourceAddress: string | undefined): string {
  const viewer = header(VIEWER_ADDRESS_HEADER);
  if (originKey && viewer && header(ORIGIN_KEY_HEADER) === originKey) return viewer;
  return sourceAddress ?? 'unknown';
}
