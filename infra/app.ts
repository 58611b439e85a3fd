/** CDK entry point (cdk.json "app"): the real registries, cdk-nag on. */
import { App } from 'aws-cdk-lib';
import { buildApp } from './stacks/build.ts';

const app = new App();
buildApp(app);
app.synth();
