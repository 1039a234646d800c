/**
 * The Lambda runtime's part, for one bundle (started by `startLambda` in
 * aws-standins.ts): import it once, as a cold start does, then hand each event
 * from the parent to `handler` and send back its result. Ends with the parent,
 * so no function outlives a test run.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const send = (message: unknown) => process.send!(message);
const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

process.on('disconnect', () => process.exit(0));

const bundle = process.argv[2]!;
let handler: (event: unknown, context: unknown) => Promise<unknown>;
try {
  ({ handler } = await import(pathToFileURL(bundle).href));
  if (typeof handler !== 'function') throw new Error('the bundle exports no handler');
} catch (error) {
  send({ ready: false, error: describe(error) });
  process.exit(1);
}

process.on('message', async ({ id, event }: { id: number; event: unknown }) => {
  const context = { awsRequestId: randomUUID(), functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, getRemainingTimeInMillis: () => 30_000 };
  try {
    send({ id, result: await handler(event, context) });
  } catch (error) {
    send({ id, error: describe(error) });
  }
});
send({ ready: true });
