/**
 * Builds the whole app into a given App: used by infra/app.ts with the real registries and by
 * test/infra with made-up ones. cdk-nag runs as a validation plugin on every synth.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { defaultRegistries, type Registries } from './registries.ts';
import { readSettings, type Settings } from './settings.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export interface BuildOptions {
  registries?: Registries;
  webDistDir?: string;
}

export function buildApp(app: App, options: BuildOptions = {}) {
  const registries = options.registries ?? defaultRegistries;
  const settings = readSettings(app.node);
  const description = `Disclosure intake (政务公开投诉与意见受理), ${settings.stage}, ${settings.profile} profile`;
  // Environment-agnostic unless a region is given (no account: synth needs no credentials).
  const env = settings.region ? { region: settings.region } : undefined;
  const stateful = new StatefulStack(app, stackName('Stateful', settings), {
    description: `${description}: tables, keys${settings.profile === 'global' ? ', staff user pool, mail identity' : ''}, alarms`,
    env,
    registries,
    settings,
  });
  const stateless = new StatelessStack(app, stackName('Stateless', settings), {
    description: `${description}: functions, API, workflows, web hosting, alarms, dashboard`,
    env,
    registries,
    settings,
    stateful,
    webDistDir: options.webDistDir,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless, settings };
}

/** `DisclosureStateful-dev`, `DisclosureStateless-prod`: each stage its own stacks and resources. */
export function stackName(kind: 'Stateful' | 'Stateless', settings: Pick<Settings, 'stage'>): string {
  return `Disclosure${kind}-${settings.stage}`;
}
