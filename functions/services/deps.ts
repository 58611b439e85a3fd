import { DynamoCaseRepository } from '../adapters/dynamodb/case-store.ts';
import { StepFunctionsCaseWorkflow } from '../adapters/stepfunctions/case-workflow.ts';
import { EncryptedReporterVault } from '../adapters/vault/reporter-vault.ts';
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
    vault: new EncryptedReporterVault(),
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
