/**
 * The CDK app (`cdk synth`, `cdk deploy`): reads the deployment settings, then
 * builds the data stack and the app stack. See README, "Deploy to AWS".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { loadForms } from '#schemas/registry.ts';
import { APP_CONTEXT, buildApp, recipientKeys } from './build-app.ts';
import { REPO_ROOT } from './bundling.ts';
import { DeployConfigError, readDeployConfig } from './config.ts';

const app = new App({ context: APP_CONTEXT });
const forms = (await loadForms()).list();
const webDir = join(REPO_ROOT, 'web', 'build');

try {
  if (!existsSync(join(webDir, 'index.html'))) throw new DeployConfigError('no web build in web/build: run `npm run build:web` first');
  const config = readDeployConfig({ context: (key) => app.node.tryGetContext(key), env: process.env }, recipientKeys(forms));
  buildApp(app, { config, webDir });
} catch (error) {
  if (!(error instanceof DeployConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
