/** Maps domain errors to HTTP: a stable code, a Vietnamese message, never a stack trace. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as errors from '../core/errors.ts';
import { DomainError, ValidationFailedError } from '../core/errors.ts';

type DomainErrorInstance = {
  [K in keyof typeof errors]: (typeof errors)[K] extends abstract new (...args: never[]) => infer I ? I : never;
}[keyof typeof errors];

/** Every stable code a domain error can carry (the literal `code` of each class in core/errors.ts). */
export type ErrorCode = DomainErrorInstance extends infer I ? (I extends { code: infer C extends string } ? (string extends C ? never : C) : never) : never;

/** The HTTP status of each code: a new error class without a line here does not compile. */
const STATUS = {
  FORM_NOT_FOUND: 404,
  ORG_UNIT_NOT_FOUND: 404,
  SUBMISSION_NOT_FOUND: 404,
  PERIOD_INVALID: 404,
  NOT_A_REPORTER: 403,
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  REVISION_CONFLICT: 409,
  NO_ROLLUP: 404,
  ROUND_NOT_FOUND: 404,
  ROUND_CONFLICT: 409,
  ROUND_OVERLAP: 409,
  ROUND_CLOSED: 409,
  SUBMISSION_ACCEPTED: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  INVALID_CODE: 400,
  ATTEMPT_LOCKED: 400,
  USER_EXISTS: 409,
  USER_NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
  INVALID_ENCODING: 400,
  // A job's failure, never an HTTP answer; if one reached a route it would be the server's fault.
  DELIVERY_FAILED: 500,
} satisfies Record<ErrorCode, ContentfulStatusCode>;

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json<ErrorBody>({ error: { code, message } }, status);
}

export function handleError(error: Error, c: Context) {
  if (error instanceof ValidationFailedError) {
    return c.json<ErrorBody>({ error: { code: error.code, message: error.userMessage, fields: error.fields } }, 400);
  }
  if (error instanceof DomainError) {
    // Tells clients (and the retry button) when trying again makes sense: 429 and 503.
    if ('retryAfterSeconds' in error && typeof error.retryAfterSeconds === 'number') c.header('Retry-After', String(Math.ceil(error.retryAfterSeconds)));
    // Operators need to see outages; users get the message, never the cause.
    if (error.code === 'SERVICE_UNAVAILABLE') console.warn('service unavailable', error.message);
    return errorResponse(c, STATUS[error.code as ErrorCode] ?? 500, error.code, error.userMessage);
  }
  console.error('unhandled API error', error);
  return errorResponse(c, 500, 'INTERNAL', 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.');
}
