import type { DeviceState } from '../../../shared/domain/ledger';
import { useAccounts } from './accounts';
import { useErrors } from './errors';

// Errors that only describe the device's condition at the time. Once the Solana app is
// open and ready they no longer apply, and leaving them up contradicts the status bar.
const DEVICE_CONDITION_CODES: ReadonlySet<string> = new Set([
  'LEDGER_LOCKED',
  'LEDGER_APP_NOT_OPEN',
  'LEDGER_WRONG_APP',
  'LEDGER_NOT_CONNECTED',
  'LEDGER_DISCONNECTED',
]);

export function isDeviceConditionError(code: string): boolean {
  return DEVICE_CONDITION_CODES.has(code);
}

/** Clears device-condition errors from the page once the device reports the Solana app. */
export function clearDeviceErrorsWhenReady(state: DeviceState): void {
  if (state.status !== 'solana-app') {
    return;
  }

  useAccounts.setState((accounts) => {
    const discoveryError = accounts.discovery.error;
    const discovery =
      discoveryError !== null && isDeviceConditionError(discoveryError.code)
        ? { ...accounts.discovery, error: null }
        : accounts.discovery;
    const verifications = Object.fromEntries(
      Object.entries(accounts.verifications).filter(
        ([, verification]) =>
          verification.status !== 'failed' || !isDeviceConditionError(verification.error.code),
      ),
    );
    return { discovery, verifications };
  });
  useErrors.setState((errors) => ({
    errors: errors.errors.filter((error) => !isDeviceConditionError(error.code)),
  }));
}
