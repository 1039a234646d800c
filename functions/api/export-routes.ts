/**
 * Downloads of a summary as XLSX (every table, or one) or CSV (one table).
 * Kept out of the main API so its Lambda stays small: exceljs alone is several
 * times the API's bundle budget. Locally the same app mounts them; on AWS a
 * separate function serves `/api/exports/*` (infra/aws).
 */
import * as z from 'zod/mini';
import { ValidationFailedError } from '../core/errors.ts';
import { tableToCsv } from '../outputs/csv.ts';
import { summaryToXlsx } from '../outputs/xlsx.ts';
import { summaryFileName } from '../outputs/names.ts';
import { buildSummary } from '../core/summary.ts';
import { toFieldErrors } from '#schemas/core/validate.ts';
import { Hono } from 'hono/tiny';
import type { ReportingService } from '../core/reporting.ts';
import type { Clock } from '../core/ports.ts';
import { readableRound, type ApiEnv } from './app.ts';

const query = z.object({
  'dinh-dang': z.enum(['xlsx', 'csv'], 'Định dạng phải là xlsx hoặc csv.'),
  bang: z.optional(z.string().check(z.maxLength(64))),
  dot: z.optional(z.string().check(z.maxLength(64))),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The downloads as a sub-app, mounted at `/exports` behind the session check.
 * @example app.route('/exports', createExportRoutes(runtime))
 */
export function createExportRoutes({ service, clock }: { service: ReportingService; clock: Clock }): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/:formId/:period', async (c) => {
    const round = await readableRound(service, c, 'export');
    const parsed = query.safeParse(c.req.query());
    if (!parsed.success) throw new ValidationFailedError(toFieldErrors(parsed.error.issues));
    const { 'dinh-dang': format, bang: tableId } = parsed.data;
    const period = c.req.param('period');
    const summary = await buildSummary(service, round.id, period, clock.now());
    const table = tableId ? summary.tables.find((t) => t.id === tableId) : undefined;
    if (tableId && !table) throw new ValidationFailedError({ bang: ['Không có bảng này trong tổng hợp.'] });
    if (format === 'csv' && !table) throw new ValidationFailedError({ bang: ['Xuất CSV cần chọn một bảng.'] });

    // An ASCII slug of the form's title and the period (dd-mm-yyyy), then the table's sheet name.
    c.header('Content-Disposition', `attachment; filename="${summaryFileName(summary, format, table)}"`);
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(tableToCsv(table!));
    }
    c.header('Content-Type', XLSX);
    return c.body(new Uint8Array(await summaryToXlsx(summary, table?.id)));
  });
  return app;
}
