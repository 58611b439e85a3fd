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
    vault: noVault,
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
 * The Encryption SDK is the heaviest import of all, and only the functions that declare vault
 * access (intake, the contact reveal, the notification task) may use the vault: they pass
 * `depsWithVault()` (services/vault-deps.ts), so no other function's bundle carries the SDK or
 * the KMS client. Reaching for the vault anywhere else is a wiring mistake, not a citizen's.
 */
const noVault: ReporterVault = {
  put: () => Promise.reject(new Error('This function has no reporter vault: pass depsWithVault() (functions/services/vault-deps.ts)')),
  get: () => Promise.reject(new Error('This function has no reporter vault: pass depsWithVault() (functions/services/vault-deps.ts)')),
};
