/**
 * The API's contract: the type of every response body, the only module of
 * `functions/` the web imports (type-only, so nothing of the server is
 * bundled). A route that changes what it answers changes it here, and the
 * pages stop compiling where they disagree.
 */
import type { Role } from '../core/users.ts';

export type { FormListItem, DueItem, FollowedForm } from '../core/overview.ts';
export type { SubmissionView, PutStatus as SaveStatus } from '../core/reporting.ts';
export type { Dashboard as FormDashboard, DashboardCell, PeriodRates } from '../core/dashboard.ts';
export type { ReportStatus } from '../core/completeness.ts';
export type { PeriodSummary } from '../core/summary.ts';
export type { ErrorBody, ErrorCode } from './errors.ts';
export type { Role };
export type { Round, RoundReporters } from '../core/rounds.ts';
export type { RoundEvent } from '../core/ports.ts';

import type { RoundAdmin } from '../core/round-admin.ts';

/** `GET /api/rounds`: one round the official may see, with what they may do with it. */
export type RoundListItem = Awaited<ReturnType<RoundAdmin['list']>>[number];
/** `GET /api/rounds/choices`: what the "open a round" form offers. */
export type RoundChoices = Awaited<ReturnType<RoundAdmin['choices']>>;
/** `GET …/submissions/:orgUnit/history`: revisions and officials' acts, oldest first. */
export type HistoryItem = Awaited<ReturnType<RoundAdmin['history']>>[number];

import type { PutStatus, SubmissionView } from '../core/reporting.ts';

/** `PUT …/submissions/:orgUnit`: what was stored (or that nothing changed). */
export interface SaveResult {
  status: PutStatus;
  submission: SubmissionView;
}

/** One sub-unit's answer in a roll-up. */
export interface RollupSource {
  formId: string;
  period: string;
  unit: { code: string; name: string };
  status: 'included' | 'missing';
}

/** `GET …/rollup/:orgUnit`: a draft of the unit's answer built from its sub-units' answers. */
export interface RollupAnswer {
  data: Record<string, unknown>;
  sources: RollupSource[];
}

/** The signed-in user, as `GET /api/me` and sign-in describe them. */
export interface Me {
  email: string;
  name: string;
  role: Role;
  unit: { code: string; name: string; kind: string };
}
