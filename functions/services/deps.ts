import { DynamoCaseRepository } from '../adapters/dynamodb/case-store.ts';
import { StepFunctionsCaseWorkflow } from '../adapters/stepfunctions/case-workflow.ts';
import type { WorkingCalendar } from '../domain/calendar/index.ts';
import { DEFAULT_CONSULTATION_POLICY, type CaseWorkflow, type ConsultationPolicy, type ExtensionPolicy, type ReporterVault, type Unit } from '../domain/index.ts';
import { currentCalendar } from '../shared/calendar.ts';
import { config } from '../shared/config.ts';
import { intakeUnit, units } from '../shared/units.ts';

/**
 * What the services need from outside the domain, passed in: the functions get the AWS adapters
 * (Step Functions, DynamoDB, KMS, on AWS and locally alike), a test can pass its own.
 */
export interface ServiceDeps {
  repo: DynamoCaseRepository;
  workflow: CaseWorkflow;
  vault: ReporterVault;
  calendar(): Promise<WorkingCalendar>;
  units(): Unit[];
  intakeUnit(): string;
  extensionPolicy(): ExtensionPolicy;
  consultationPolicy(): ConsultationPolicy;
  now(): Date;
  /** Whether phone-only citizens can be reached (SMS_TRANSPORT). */
  smsEnabled(): boolean;
}

let defaults: ServiceDeps | undefined;

/** The adapters a Lambda function uses, made once per process on first use. */
export function defaultDeps(): ServiceDeps {
  defaults ??= {
    repo: new DynamoCaseRepository(),
    workflow: new StepFunctionsCaseWorkflow(),
    vault: lazyVault(),
    calendar: () => currentCalendar(),
    units,
    intakeUnit,
    extensionPolicy: () => config.extensionPolicy,
    consultationPolicy: () => ({ ...DEFAULT_CONSULTATION_POLICY, ...config.consultationPolicy }),
    now: () => new Date(),
    smsEnabled: () => config.smsEnabled,
  };
  return defaults;
}

/**
 * The Encryption SDK is the heaviest import of all and only intake and the reveal use the vault:
 * every other function that takes these deps should not pay for loading it at a cold start.
 */
function lazyVault(): ReporterVault {
  let vault: Promise<ReporterVault> | undefined;
  const load = () => (vault ??= import('../adapters/vault/reporter-vault.ts').then((m) => new m.EncryptedReporterVault()));
  return {
    put: async (identity) => (await load()).put(identity),
    get: async (ref, fields) => (await load()).get(ref, fields),
  };
}
