/**
 * What the second function serves: everything of `/api` that is not on a
 * unit's way to submit. The answers' outputs (a form's description, a period's
 * summary, a form's dashboard, the XLSX/CSV exports) need the forms' summary
 * code and the JSON Schema generator, and round administration writes the
 * rounds' EventBridge schedules: on AWS these paths go to the export function
 * (infra/aws, `EXPORT_FUNCTION_ROUTES`) so the API function on the submit path
 * stays small; locally and in the tests the one app mounts them all.
 */
import { Hono } from 'hono/tiny';
import { describeForm } from '#schemas/core/describe.ts';
import { buildDashboard } from '../core/dashboard.ts';
import { buildSummary } from '../core/summary.ts';
import type { Runtime } from '../runtime.ts';
import { readableRound, type ApiEnv } from './app.ts';
import { createExportRoutes } from './export-routes.ts';
import type { HttpOptions } from './http.ts';
import { createRoundRoutes } from './round-routes.ts';

/** A period's summary and a form's dashboard, for officials who may read the round's summary. */
function createOutputRoutes({ service, clock }: Pick<Runtime, 'service' | 'clock'>): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/forms/:formId/periods/:period/summary', async (c) => {
    const round = await readableRound(service, c, 'read the summary of');
    return c.json({ summary: await buildSummary(service, round.id, c.req.param('period'), clock.now()) });
  });
  app.get('/dashboard/:formId', async (c) => c.json(await buildDashboard(service, (await readableRound(service, c, 'see the dashboard of')).id, clock.now())));
  return app;
}

/**
 * The second function's sub-apps, for `createHttp`.
 * @example createHttp(runtime, { authSecret, ...apartRoutes(runtime) })
 */
export function apartRoutes(runtime: Parameters<typeof createRoundRoutes>[0]): Required<Pick<HttpOptions, 'routes' | 'publicRoutes'>> {
  // Forms are published documents: anyone may read one's description.
  const forms = new Hono<ApiEnv>().get('/:formId', (c) => c.json(describeForm(runtime.service.form(c.req.param('formId')), runtime.service.forms())));
  return {
    publicRoutes: { '/forms': forms },
    routes: { '/': createOutputRoutes(runtime), '/exports': createExportRoutes(runtime), ...createRoundRoutes(runtime) },
  };
}
