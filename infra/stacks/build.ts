/**
 * Builds the whole app into a given App: used by infra/app.ts with the real registries and by
 * test/infra with made-up ones. cdk-nag runs as a validation plugin on every synth.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { defaultRegistries, type Registries } from './registries.ts';
import { readSettings } from './settings.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export interface BuildOptions {
  registries?: Registries;
  webDistDir?: string;
}

export function buildApp(app: App, options: BuildOptions = {}) {
  const registries = options.registries ?? defaultRegistries;
  const settings = readSettings(app.node);
  const description = 'Disclosure intake (政务公开投诉与意见受理)';
  const stateful = new StatefulStack(app, 'DisclosureStateful', {
    description: `${description}: tables, keys, staff user pool, mail identity`,
    registries,
    settings,
  });
  const stateless = new StatelessStack(app, 'DisclosureStateless', {
    description: `${description}: functions, API, workflows, web hosting`,
    registries,
    settings,
    stateful,
    webDistDir: options.webDistDir,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless, settings };
}
