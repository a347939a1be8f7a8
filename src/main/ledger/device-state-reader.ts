import type Transport from '@ledgerhq/hw-transport';

import type { DeviceState } from '../../shared/domain/ledger';
import { WalletError } from '../../shared/errors';
import { DASHBOARD_APP_NAMES, SOLANA_APP_NAME, classifyLedgerError } from './classify-error';
import { solanaAppClient } from './solana-app-client';

/** A state the device is in by itself, as opposed to busy states this service adds. */
export type ResolvedDeviceState = Extract<
  DeviceState,
  { status: 'locked' | 'dashboard' | 'other-app' | 'solana-app' }
>;

export type SolanaAppState = Extract<DeviceState, { status: 'solana-app' }>;

/**
 * Reads which app is open with B0 01 and, in the Solana app, its settings with E0 04.
 * The app name is read rather than guessed from status words, because apps that share
 * CLA 0xE0 may return data for Solana commands instead of an error.
 */
export async function readDeviceState(transport: Transport): Promise<ResolvedDeviceState> {
  let appName: string;
  let appVersion: string;
  try {
    ({ name: appName, version: appVersion } = await solanaAppClient.getAppAndVersion(transport));
  } catch (error) {
    return stateFromError(classifyLedgerError(error, { operation: 'read-state' }));
  }

  if (DASHBOARD_APP_NAMES.includes(appName)) {
    return { status: 'dashboard' };
  }
  if (appName !== SOLANA_APP_NAME) {
    return { status: 'other-app', name: appName };
  }

  try {
    const configuration = await solanaAppClient.getAppConfiguration(transport);
    return { status: 'solana-app', ...configuration };
  } catch (error) {
    const classified = classifyLedgerError(error, { operation: 'read-state', appName });
    // hw-app-solana's own tests return 0x6808 for E0 04. That can only mean blind
    // signing is off, so the app is usable and its other settings are unknown.
    if (classified.code === 'LEDGER_BLIND_SIGNING_REQUIRED') {
      return {
        status: 'solana-app',
        version: appVersion,
        blindSigningEnabled: false,
        pubkeyDisplay: 'unknown',
      };
    }
    return stateFromError(classified);
  }
}

/** Throws the error that names the person's next step unless the Solana app is open. */
export function assertSolanaAppOpen(state: ResolvedDeviceState): asserts state is SolanaAppState {
  switch (state.status) {
    case 'solana-app':
      return;
    case 'locked':
      throw new WalletError('LEDGER_LOCKED', {});
    case 'dashboard':
      throw new WalletError('LEDGER_APP_NOT_OPEN', {});
    case 'other-app':
      throw new WalletError('LEDGER_WRONG_APP', { appName: state.name });
  }
}

function stateFromError(error: WalletError): ResolvedDeviceState {
  if (error.code === 'LEDGER_LOCKED') {
    return { status: 'locked' };
  }
  throw error;
}
