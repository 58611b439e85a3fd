import { EncryptedReporterVault } from '../adapters/vault/reporter-vault.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';

let withVault: ServiceDeps | undefined;

/**
 * The default adapters and the reporter vault, for the functions whose route declares vault
 * access. A module of its own so that importing the services loads no Encryption SDK.
 */
export function depsWithVault(): ServiceDeps {
  withVault ??= { ...defaultDeps(), vault: new EncryptedReporterVault() };
  return withVault;
}
