/**
 * Both stacks and the cdk-nag checks on one CDK app; `app.ts` (the CDK CLI)
 * and the infra tests build the same thing through here.
 */
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { AnyForm } from '#schemas/core/form.ts';
import { AppStack } from './app-stack.ts';
import type { DeployConfig } from './config.ts';
import { DataStack } from './data-stack.ts';

/**
 * No schedules here: the API writes each round's schedules into the stack's
 * schedule group at run time (functions/adapters/scheduler), so a deploy
 * neither needs the forms nor the time.
 */
export interface BuildOptions {
  config: DeployConfig;
  webDir: string;
}

/** CDK settings the app needs wherever it is built (the CLI reads cdk.json; tests do not). */
export const APP_CONTEXT = {
  // Exports from the data stack, which CloudFormation then protects while the app stack imports them.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

/** The summary recipient keys forms declare; each needs addresses in the config. */
export const recipientKeys = (forms: AnyForm[]): string[] => [...new Set(forms.flatMap((f) => f.summary.recipients.map((r) => r.key)))];

export function buildApp(app: App, options: BuildOptions): { data: DataStack; app: AppStack } {
  const prefix = `BaoCao-${options.config.envName}`;
  // Stacks are environment-agnostic: account and region come from the deploying profile, and the synth needs no credentials.
  const data = new DataStack(app, `${prefix}-Data`, {
    description: 'Báo cáo: the DynamoDB table (retained, deletion-protected)',
    terminationProtection: true,
  });
  const appStack = new AppStack(app, `${prefix}-App`, {
    description: 'Báo cáo: API, scheduled jobs, web (replaceable without touching data)',
    config: options.config,
    table: data.table,
    webDir: options.webDir,
  });
  // Acknowledged rules and their reasons also go into the templates (Metadata.cdk_nag), for audit.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { data, app: appStack };
}
