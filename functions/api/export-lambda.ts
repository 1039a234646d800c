/** `/api/exports/*` in its own Lambda: the API app plus the export routes, because exceljs is large. */
import { createLambdaHandler } from './lambda-app.ts';
import { createExportRoutes } from './export-routes.ts';

export const handler = await createLambdaHandler((runtime) => ({ '/exports': createExportRoutes(runtime) }));
