/**
 * Round administration over HTTP: officials open, relay, extend and close
 * rounds (`/api/rounds…`), and return, accept or reopen a unit's answer and
 * read its history (`/api/forms/…/submissions/<unit>/return|accept|reopen|history`).
 * Kept out of the main API, like the exports, so the Lambda on the submit path
 * stays small: on AWS these paths go to the export function (infra/aws), which
 * also writes the rounds' schedules; locally the same app mounts them.
 */
import { Hono } from 'hono/tiny';
import { createRoundAdmin } from '../core/round-admin.ts';
import type { Runtime } from '../runtime.ts';
import { jsonBody, type ApiEnv } from './app.ts';

/** Where a submission's acts live, under `/api/forms`. */
export const REVIEW_PATH = '/:formId/periods/:period/submissions/:orgUnit';
export const REVIEW_ACTIONS = ['return', 'accept', 'reopen'] as const;

/**
 * The sub-apps, by path under `/api`, behind the session check.
 * @example createHttp(runtime, { authSecret, routes: { ...createRoundRoutes(runtime) } })
 */
export function createRoundRoutes(runtime: Pick<Runtime, 'service' | 'rounds' | 'submissions' | 'authStore' | 'clock' | 'deliveries' | 'scheduler' | 'config'>): Record<'/rounds' | '/forms', Hono<ApiEnv>> {
  const admin = createRoundAdmin({
    service: runtime.service,
    rounds: runtime.rounds,
    submissions: runtime.submissions,
    users: runtime.authStore,
    clock: runtime.clock,
    mailer: runtime.config.mailer,
    deliveries: runtime.deliveries,
    publicUrl: runtime.config.publicUrl,
    recipientKeys: Object.keys(runtime.config.recipients),
    scheduler: runtime.scheduler,
  });

  const rounds = new Hono<ApiEnv>();
  rounds.get('/', async (c) => c.json({ rounds: await admin.list(c.var.actor) }));
  rounds.post('/', async (c) => c.json({ round: await admin.issue(c.var.actor, await jsonBody(c)) }, 201));
  rounds.get('/choices', async (c) => c.json(await admin.choices(c.var.actor)));
  rounds.get('/:roundId', async (c) => c.json(await admin.show(c.var.actor, c.req.param('roundId'))));
  rounds.post('/:roundId/relay', async (c) => c.json({ round: await admin.relay(c.var.actor, c.req.param('roundId'), await jsonBody(c)) }, 201));
  rounds.post('/:roundId/extend', async (c) => c.json({ round: await admin.extend(c.var.actor, c.req.param('roundId'), await jsonBody(c)) }));
  rounds.post('/:roundId/close', async (c) => c.json({ round: await admin.close(c.var.actor, c.req.param('roundId'), await jsonBody(c)) }));

  const answers = new Hono<ApiEnv>();
  const keyOf = (c: { req: { param(name: string): string | undefined } }) => ({ formId: c.req.param('formId')!, period: c.req.param('period')!, orgUnit: c.req.param('orgUnit')! });
  for (const action of REVIEW_ACTIONS) {
    answers.post(`${REVIEW_PATH}/${action}`, async (c) => c.json({ submission: await admin.review(c.var.actor, keyOf(c), action, await jsonBody(c)) }));
  }
  answers.get(`${REVIEW_PATH}/history`, async (c) => c.json({ items: await admin.history(c.var.actor, keyOf(c)) }));

  return { '/rounds': rounds, '/forms': answers };
}
