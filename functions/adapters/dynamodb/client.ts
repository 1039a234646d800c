/**
 * The one place DynamoDB clients are made: bounded time per call, and failures
 * of the service itself (down, frozen, throttling, 5xx) turned into
 * `ServiceUnavailableError` so the API answers 503 with Retry-After instead of
 * 500, and no request waits on a frozen database for minutes.
 */
import { DynamoDBClient, type AttributeValue, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ServiceUnavailableError } from '../../core/errors.ts';

/**
 * Per attempt: 1 s to connect (same region: milliseconds when healthy) and 2 s
 * for the whole exchange (single-digit milliseconds when healthy; a 1 MB query
 * page well under a second). One retry, so a blip is absorbed and a dead
 * database is reported after two attempts.
 */
export const DYNAMODB_LIMITS = { connectionTimeoutMs: 1_000, requestTimeoutMs: 2_000, maxAttempts: 2 } as const;

/** The SDK's backoff before a retry is at most 500 ms × 2^retry (throttling base); 1 s each covers it. */
const RETRY_DELAY_BUDGET_MS = 1_000;

/**
 * The longest one DynamoDB call can take before it succeeds or fails: what the
 * Lambda timeouts in infra/aws are checked against.
 * @example callBudgetMs() // 5000 with the limits above
 */
export function callBudgetMs(limits: { requestTimeoutMs: number; maxAttempts: number } = DYNAMODB_LIMITS): number {
  return limits.maxAttempts * limits.requestTimeoutMs + (limits.maxAttempts - 1) * RETRY_DELAY_BUDGET_MS;
}

const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const THROTTLED_REASONS = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

interface SdkError {
  name?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: CancellationReason[];
}

/** Why DynamoDB cancelled one item of a transaction; `Item` (with ReturnValuesOnConditionCheckFailure) as it sent it, marshalled. */
export interface CancellationReason {
  Code?: string;
  Item?: Record<string, AttributeValue>;
}

/**
 * A cancelled transaction's reasons, one per item in the order sent; empty for any other error.
 * @example cancellationReasons(error)[0]?.Code // 'ConditionalCheckFailed'
 */
export function cancellationReasons(error: unknown): CancellationReason[] {
  return (typeof error === 'object' && error !== null && (error as SdkError).CancellationReasons) || [];
}

/** A transaction refused because a condition failed or another writer's transaction was in flight: read again. */
export const lostRace = (reasons: readonly CancellationReason[]): boolean =>
  reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');

/**
 * Whether an error from the SDK means the service could not serve the call
 * (as opposed to a refused condition, a bad request or a bug of ours).
 * @example isServiceUnavailable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })) // true
 */
export function isServiceUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkError;
  if (e.name && UNAVAILABLE_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.$fault === 'server' || (e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  // A transaction cancelled only because the table was throttled, not because a condition failed.
  const reasons = cancellationReasons(e).map((r) => r.Code).filter((c) => c && c !== 'None');
  return reasons.length > 0 && reasons.every((c) => THROTTLED_REASONS.has(c!));
}

/**
 * A document client with the limits above (overridable by `config`) whose
 * service failures arrive as `ServiceUnavailableError` (the SDK error as `cause`).
 * @example createDocumentClient({ region: 'ap-southeast-1' })
 */
export function createDocumentClient(config: DynamoDBClientConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    maxAttempts: DYNAMODB_LIMITS.maxAttempts,
    requestHandler: {
      connectionTimeout: DYNAMODB_LIMITS.connectionTimeoutMs,
      requestTimeout: DYNAMODB_LIMITS.requestTimeoutMs,
      // Without it this SDK only logs a warning when requestTimeout passes.
      throwOnRequestTimeout: true,
    },
    ...config,
  });
  // Outermost step, so it sees the error left after the SDK's own retries.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (!isServiceUnavailable(error)) throw error;
        const name = (error as SdkError).name ?? 'Error';
        throw new ServiceUnavailableError(`DynamoDB ${context.commandName ?? 'call'} failed: ${name}: ${(error as Error).message}`, {
          cause: error,
          retryAfterSeconds: name.includes('Throughput') || name.includes('Throttl') || name === 'RequestLimitExceeded' ? 5 : 10,
        });
      }
    },
    { step: 'initialize', name: 'serviceUnavailable', priority: 'high' },
  );
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
