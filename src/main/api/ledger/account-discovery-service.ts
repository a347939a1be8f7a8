import type { Logger } from 'pino';

import type { DiscoveryResult } from '../../../shared/contract/ledger';
import type { DerivationScheme, LedgerAccount } from '../../../shared/domain/ledger';
import { WalletError } from '../../../shared/errors';
import type { EventBus } from '../../event-bus';
import { DERIVATION_SCHEMES, type LedgerService } from '../../ledger';
import type { StoredAccountsService } from '../../store';
import { sortAccountViews, toAccountView } from './account-views';

/** Chain look-up of whether an address has ever been used, provided by the chain layer. */
export interface AccountActivity {
  isUsed(address: string, signal?: AbortSignal): Promise<boolean>;
}

export interface AccountDiscoveryDependencies {
  ledger: LedgerService;
  accounts: StoredAccountsService;
  bus: EventBus;
  logger: Logger;
  /** Read at the start of each search, so chain data wired in later is picked up. */
  activity(): AccountActivity | undefined;
}

export interface DiscoveryRequest {
  schemes?: DerivationScheme[] | undefined;
  gapLimit?: number | undefined;
}

/**
 * Runs one account search at a time over the Ledger, publishes its progress, and saves
 * the used accounts it finds, keeping the names of accounts already saved.
 */
export class AccountDiscoveryService {
  private running: AbortController | null = null;

  constructor(private readonly dependencies: AccountDiscoveryDependencies) {}

  async discover(request: DiscoveryRequest, callSignal: AbortSignal): Promise<DiscoveryResult> {
    if (this.running !== null) {
      throw new WalletError('DISCOVERY_IN_PROGRESS', {});
    }
    const controller = new AbortController();
    this.running = controller;

    const { ledger, bus, logger } = this.dependencies;
    const activity = this.dependencies.activity();
    const signal = AbortSignal.any([callSignal, controller.signal]);
    const found: LedgerAccount[] = [];
    let accountsChecked = 0;
    let activityKnown = activity !== undefined;

    if (activity === undefined) {
      logger.warn(
        'no chain data for account discovery, so only index 0 of each scheme counts as used',
      );
    }

    /**
     * Asks the chain whether an address was used. Without chain data, or once a look-up
     * has failed, only the first address of each scheme counts as used, so the search still
     * works offline and the gap is visible.
     */
    const usageTest = (): AccountActivity['isUsed'] => {
      let calls = 0;
      return async (address, lookupSignal) => {
        calls += 1;
        if (activity !== undefined && activityKnown) {
          try {
            return await activity.isUsed(address, lookupSignal);
          } catch (error) {
            if (lookupSignal?.aborted === true) {
              throw error;
            }
            activityKnown = false;
            logger.warn(
              { err: error, address },
              'chain look-up failed during account discovery; continuing without chain data',
            );
          }
        }
        return calls === 1;
      };
    };

    try {
      // One search per scheme, so the stand-in usage test can tell index 0 of each apart.
      for (const scheme of request.schemes ?? DERIVATION_SCHEMES) {
        await ledger.discoverAccounts({
          schemes: [scheme],
          signal,
          isUsed: usageTest(),
          ...(request.gapLimit === undefined ? {} : { gapLimit: request.gapLimit }),
          onProgress: (progress) => {
            accountsChecked += 1;
            if (progress.used) {
              found.push({
                address: progress.address,
                path: progress.path,
                scheme: progress.scheme,
                index: progress.index,
              });
            }
            bus.emit('discoveryProgress', {
              ...progress,
              accountsChecked,
              accountsFound: found.length,
              activityKnown,
            });
          },
        });
      }
    } catch (error) {
      const cancelled =
        controller.signal.aborted && error instanceof WalletError && error.code === 'CANCELLED';
      if (!cancelled) {
        await this.saveQuietly(found);
        throw error;
      }
      logger.info({ accountsChecked, accountsFound: found.length }, 'account discovery cancelled');
      return this.finish('cancelled', found, accountsChecked, activityKnown);
    } finally {
      this.running = null;
    }

    return this.finish('completed', found, accountsChecked, activityKnown);
  }

  /** Stops the running search. Returns false when none is running. */
  cancel(): boolean {
    if (this.running === null) {
      return false;
    }
    this.running.abort();
    return true;
  }

  private async finish(
    outcome: DiscoveryResult['outcome'],
    found: LedgerAccount[],
    accountsChecked: number,
    activityKnown: boolean,
  ): Promise<DiscoveryResult> {
    await this.save(found);
    const views = found.map((account) =>
      toAccountView({
        publicKey: account.address,
        derivationPath: account.path,
        name: this.nameOf(account.address),
      }),
    );
    return { outcome, accountsChecked, accounts: sortAccountViews(views), activityKnown };
  }

  /** Saves the found accounts. An account already saved keeps its name. */
  private async save(found: LedgerAccount[]): Promise<void> {
    const { accounts } = this.dependencies;
    for (const account of found) {
      const stored = accounts.list().find((known) => known.publicKey === account.address);
      if (stored?.derivationPath === account.path) {
        continue;
      }
      await accounts.upsert({
        publicKey: account.address,
        derivationPath: account.path,
        name: stored?.name ?? '',
      });
    }
  }

  /** Saves what a failed search found, so a later retry does not lose it. */
  private async saveQuietly(found: LedgerAccount[]): Promise<void> {
    try {
      await this.save(found);
    } catch (error) {
      this.dependencies.logger.error(
        { err: error, accountsFound: found.length },
        'saving the accounts of a failed discovery failed',
      );
    }
  }

  private nameOf(address: string): string {
    return (
      this.dependencies.accounts.list().find((known) => known.publicKey === address)?.name ?? ''
    );
  }
}
