import type { DeviceState } from '../../../shared/domain/ledger';
import { WalletError } from '../../../shared/errors';
import type { LedgerService } from '../../ledger';

export type SolanaAppState = Extract<DeviceState, { status: 'solana-app' }>;

/**
 * Remembers the Solana app's version and settings while the device is busy, because a
 * busy state does not carry them and a review must still know which app version it is for.
 */
export class AppStateTrackerService {
  private lastAppState: SolanaAppState | null = null;

  constructor(private readonly ledger: LedgerService) {
    this.note(ledger.getState());
    ledger.subscribe('state', (change) => this.note(change.state));
  }

  /**
   * Returns the Solana app's state. The device is read again when `fresh` is set or when
   * the cached state shows that the app is not open. Throws the error that names
   * the person's next step when the app is not open.
   */
  async requireSolanaApp(
    options: { fresh?: boolean; signal?: AbortSignal | undefined } = {},
  ): Promise<SolanaAppState> {
    const cached = options.fresh === true ? null : this.usableState(this.ledger.getState());
    if (cached !== null) {
      return cached;
    }

    const read = await this.ledger.refreshState(
      options.signal === undefined ? {} : { signal: options.signal },
    );
    const usable = this.usableState(read);
    if (usable !== null) {
      return usable;
    }
    throw errorForState(read);
  }

  private usableState(state: DeviceState): SolanaAppState | null {
    switch (state.status) {
      case 'solana-app':
        return state;
      case 'busy':
      case 'awaiting-person':
        return this.lastAppState;
      case 'no-device':
      case 'locked':
      case 'dashboard':
      case 'other-app':
        return null;
    }
  }

  private note(state: DeviceState): void {
    switch (state.status) {
      case 'solana-app':
        this.lastAppState = state;
        return;
      case 'busy':
      case 'awaiting-person':
        return;
      case 'no-device':
      case 'locked':
      case 'dashboard':
      case 'other-app':
        this.lastAppState = null;
        return;
    }
  }
}

function errorForState(state: DeviceState): WalletError {
  switch (state.status) {
    case 'no-device':
      return new WalletError('LEDGER_NOT_CONNECTED', {});
    case 'locked':
      return new WalletError('LEDGER_LOCKED', {});
    case 'dashboard':
      return new WalletError('LEDGER_APP_NOT_OPEN', {});
    case 'other-app':
      return new WalletError('LEDGER_WRONG_APP', { appName: state.name });
    case 'busy':
    case 'awaiting-person':
      return new WalletError('LEDGER_BUSY', { operation: state.operation });
    case 'solana-app':
      return new WalletError('INTERNAL', { method: 'requireSolanaApp' });
  }
}
