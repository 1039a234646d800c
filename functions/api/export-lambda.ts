/**
 * Everything of `/api` off the submit path in its own Lambda (apart-routes.ts): the forms' descriptions,
 * summaries, dashboards and exports (exceljs is large), round administration (which also writes the rounds'
 * EventBridge schedules) and an answer's return/accept/reopen/history, so the function on the submit path
 * stays small. It loads the forms whole, with their outputs.
 */
import { formLoaders } from '#schemas/registry.ts';
import { schedulerFromConfig } from '../adapters/scheduler/eventbridge-scheduler.ts';
import { createLambdaHandler } from './lambda-app.ts';
import { apartRoutes } from './apart-routes.ts';

export const handler = await createLambdaHandler({ forms: formLoaders, routes: apartRoutes, scheduler: schedulerFromConfig });
