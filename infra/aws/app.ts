/**
 * The CDK app. For now it holds the data stack; the app stack (API Lambda,
 * schedules, CloudFront) follows in the production issue.
 */
import { App } from 'aws-cdk-lib';
import { DataStack } from './data-stack.ts';

const app = new App();
const envName = String(app.node.tryGetContext('env') ?? 'dev');
new DataStack(app, `BaoCao-${envName}-Data`);
app.synth();
