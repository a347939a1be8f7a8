import { afterEach, describe, expect, it } from 'vitest';

import { errorText } from '../../../src/shared/errors';
import { emptyDiscovery, useAccounts } from '../../../src/renderer/src/stores/accounts';
import { clearDeviceErrorsWhenReady } from '../../../src/renderer/src/stores/device-recovery';
import { useErrors } from '../../../src/renderer/src/stores/errors';

const ready = {
  status: 'solana-app',
  version: '1.9.0',
  blindSigningEnabled: false,
  pubkeyDisplay: 'long',
} as const;
const locked = { code: 'LEDGER_LOCKED', ...errorText.LEDGER_LOCKED } as const;
const rejected = { code: 'LEDGER_REJECTED', ...errorText.LEDGER_REJECTED } as const;

afterEach(() => {
  useAccounts.setState({ discovery: emptyDiscovery(false), verifications: {} });
  useErrors.setState({ errors: [] });
});

describe('clearDeviceErrorsWhenReady', () => {
  it('clears a locked-device discovery error once the app is ready', () => {
    useAccounts.setState({
      discovery: { ...emptyDiscovery(false), outcome: 'failed', error: locked },
    });

    clearDeviceErrorsWhenReady(ready);

    expect(useAccounts.getState().discovery.error).toBeNull();
  });

  it('clears device banners and failed verifications but keeps others', () => {
    useAccounts.setState({
      verifications: {
        a: { status: 'failed', error: locked },
        b: { status: 'failed', error: rejected },
      },
    });
    useErrors.setState({
      errors: [
        { id: 1, ...locked },
        { id: 2, ...rejected },
      ],
    });

    clearDeviceErrorsWhenReady(ready);

    expect(Object.keys(useAccounts.getState().verifications)).toEqual(['b']);
    expect(useErrors.getState().errors.map((error) => error.code)).toEqual(['LEDGER_REJECTED']);
  });

  it('keeps the errors while the device is still locked', () => {
    useAccounts.setState({
      discovery: { ...emptyDiscovery(false), outcome: 'failed', error: locked },
    });

    clearDeviceErrorsWhenReady({ status: 'locked' });

    expect(useAccounts.getState().discovery.error).toEqual(locked);
  });
});
