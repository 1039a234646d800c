/**
 * `/api/exports/*`, `/api/rounds*` and an answer's return/accept/reopen/history in their own Lambda: the API
 * app plus the export routes (exceljs is large) and round administration (which also writes the rounds'
 * EventBridge schedules), so the function on the submit path stays small.
 */
import { schedulerFromConfig } from '../adapters/scheduler/eventbridge-scheduler.ts';
import { createLambdaHandler } from './lambda-app.ts';
import { createExportRoutes } from './export-routes.ts';
import { createRoundRoutes } from './round-routes.ts';

export const handler = await createLambdaHandler((runtime) => ({ '/exports': createExportRoutes(runtime), ...createRoundRoutes(runtime) }), schedulerFromConfig);
