/**
 * The HTTP API. The same app runs in Lambda (`lambda.ts`) and on Node
 * (`infra/local`). Routes are thin: parse, call the core, map errors.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import { describeForm } from '#schemas/core/describe.ts';
import { toFieldErrors } from '#schemas/core/validate.ts';
import { ValidationFailedError } from '../core/errors.ts';
import { deadlineOf } from '../core/deadlines.ts';
import type { ReportingService } from '../core/reporting.ts';
import { buildSummary } from '../core/summary.ts';
import type { Clock } from '../core/ports.ts';
import { errorResponse, handleError } from './errors.ts';

/** Largest request body accepted; a 971 report is under 2 KB. */
export const MAX_BODY_BYTES = 256 * 1024;

const putBody = z.strictObject({
  data: z.record(z.string(), z.unknown()),
  submittedBy: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

export interface ApiDeps {
  service: ReportingService;
  clock: Clock;
}

export function createApiApp({ service, clock }: ApiDeps) {
  const app = new Hono().basePath('/api');

  app.onError(handleError);
  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.'));
  app.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/forms', (c) =>
    c.json({
      forms: service.forms().map((f) => ({
        id: f.id,
        version: f.version,
        title: f.title,
        directive: f.directive,
        period: f.period,
        reporters: f.reporters,
        // Daily forms have one deadline per day; the form page shows them.
        deadline: f.period.kind === 'once' ? deadlineOf(f.period, f.period.period).toISOString() : null,
      })),
    }),
  );

  app.get('/forms/:formId', (c) => c.json(describeForm(service.form(c.req.param('formId')), service.forms())));

  app.get('/forms/:formId/reporters', async (c) => c.json({ units: await service.reporters(c.req.param('formId')) }));

  const submissionPath = '/forms/:formId/periods/:period/submissions/:orgUnit';

  app.get(submissionPath, async (c) => c.json({ submission: await service.getSubmission(c.req.param()) }));

  app.get(`${submissionPath}/revisions`, async (c) =>
    c.json({ revisions: await service.listRevisions(c.req.param()) }),
  );

  app.put(
    submissionPath,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn (tối đa 256 KB).'),
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        return errorResponse(c, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Dữ liệu phải được gửi dưới dạng JSON.');
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return errorResponse(c, 400, 'INVALID_JSON', 'Dữ liệu gửi lên không đọc được (JSON không hợp lệ).');
      }
      const parsed = putBody.safeParse(body);
      if (!parsed.success) throw new ValidationFailedError(toFieldErrors(parsed.error.issues));
      const result = await service.putSubmission(c.req.param(), parsed.data);
      return c.json(result, result.status === 'created' ? 201 : 200);
    },
  );

  app.get('/forms/:formId/periods/:period/rollup/:orgUnit', async (c) => c.json(await service.rollup(c.req.param())));

  app.get('/forms/:formId/periods/:period/summary', async (c) =>
    c.json({ summary: await buildSummary(service, c.req.param('formId'), c.req.param('period'), clock.now()) }),
  );

  return app;
}

export type ApiApp = ReturnType<typeof createApiApp>;
