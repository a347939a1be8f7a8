import {
  portfolioSnapshotSchema,
  validatorsSnapshotSchema,
  type PortfolioSnapshot,
  type ValidatorsSnapshot,
} from '../../../shared/contract/chain';
import type { CachedFigure } from '../../../shared/contract/offline';
import type { ClusterId, StakeAccountView } from '../../../shared/domain/chain';
import { WalletError } from '../../../shared/errors';
import {
  EPOCH_UNSET,
  formatSol,
  type ClusterTime,
  type StakeAccountSnapshot,
  type StakeMeta,
} from '../../stake';
import type { SnapshotService } from '../../store';
import type { SavedStakeParameters, StakeParametersService } from './stake-parameters-service';

/** The saved chain data an offline operation is checked against. */
export interface CachedStakeSources {
  snapshots: Pick<SnapshotService, 'load'>;
  parameters: Pick<StakeParametersService, 'load'>;
}

/**
 * The last saved portfolio of one cluster, with lazy access to the other saved values, so an
 * operation loads only what it needs and names what is missing.
 */
export class CachedStakeData {
  private constructor(
    private readonly sources: CachedStakeSources,
    readonly cluster: ClusterId,
    readonly portfolio: PortfolioSnapshot,
  ) {}

  /** @throws WalletError OFFLINE_DATA_MISSING when no portfolio of the cluster was saved. */
  static async load(sources: CachedStakeSources, cluster: ClusterId): Promise<CachedStakeData> {
    const snapshot = await sources.snapshots.load(
      'stakeAccounts',
      cluster,
      portfolioSnapshotSchema,
    );
    if (snapshot === null) {
      throw offlineDataMissing('the stake accounts', cluster);
    }
    return new CachedStakeData(sources, cluster, snapshot.data);
  }

  /**
   * The cluster's epoch and time at the portfolio read. The Clock's unix time is not saved,
   * so lockup checks use the time the data arrived.
   */
  get time(): ClusterTime {
    return {
      epoch: BigInt(this.portfolio.meta.epoch),
      unixTimestamp: BigInt(Math.floor(Date.parse(this.portfolio.meta.fetchedAt) / 1000)),
    };
  }

  /** @throws WalletError OFFLINE_DATA_MISSING when the stake account is not in the portfolio. */
  stakeAccount(address: string): { view: StakeAccountView; snapshot: StakeAccountSnapshot } {
    const view = this.portfolio.stakeAccounts.find((entry) => entry.address === address);
    if (view === undefined) {
      throw offlineDataMissing(`stake account ${address}`, this.cluster);
    }
    return { view, snapshot: snapshotOfView(view) };
  }

  /** @throws WalletError OFFLINE_DATA_MISSING when the account's balance was never read. */
  balanceOf(address: string): bigint {
    const owner = this.portfolio.owners.find((entry) => entry.address === address);
    if (owner === undefined || owner.lamports === null) {
      throw offlineDataMissing(`the balance of ${address}`, this.cluster);
    }
    return BigInt(owner.lamports);
  }

  /**
   * @throws WalletError OFFLINE_DATA_MISSING when the rent reserve and minimum delegation
   *   were never saved for the cluster.
   */
  async stakeParameters(): Promise<SavedStakeParameters> {
    const saved = await this.sources.parameters.load(this.cluster);
    if (saved === null) {
      throw offlineDataMissing('the stake rent reserve and minimum delegation', this.cluster);
    }
    return saved;
  }

  /** @throws WalletError OFFLINE_DATA_MISSING when no validator list was saved. */
  async validators(): Promise<ValidatorsSnapshot> {
    const saved = await this.sources.snapshots.load(
      'validators',
      this.cluster,
      validatorsSnapshotSchema,
    );
    if (saved === null) {
      throw offlineDataMissing('the validator list', this.cluster);
    }
    return saved.data;
  }

  stakeAccountFigure(view: StakeAccountView): CachedFigure {
    return {
      label: `Stake account ${view.address}`,
      value: `${view.state}, ${formatSol(BigInt(view.lamports))}, staker ${view.staker}, withdrawer ${view.withdrawer}${view.stale ? ', not confirmed by the last refresh' : ''}`,
      slot: view.dataSlot,
      readAt: view.fetchedAt,
    };
  }

  balanceFigure(balance: bigint): CachedFigure {
    return {
      label: 'Ledger account balance',
      value: formatSol(balance),
      slot: this.portfolio.meta.slot,
      readAt: this.portfolio.meta.fetchedAt,
    };
  }
}

export function offlineDataMissing(what: string, cluster: string): WalletError {
  return new WalletError(
    'OFFLINE_DATA_MISSING',
    { what, cluster },
    `The ${cluster} cluster could not be reached and the app has no saved value for ${what}.`,
  );
}

/**
 * Rebuilds the stake checks' account shape from a saved view. The view keeps the activation
 * computed at its read, so the checks see the account as it was then.
 */
function snapshotOfView(view: StakeAccountView): StakeAccountSnapshot {
  const meta: StakeMeta = {
    rentExemptReserve: BigInt(view.rentExemptReserve),
    authorized: { staker: view.staker, withdrawer: view.withdrawer },
    lockup: {
      unixTimestamp: BigInt(view.lockup.unixTimestamp),
      epoch: BigInt(view.lockup.epoch),
      custodian: view.lockup.custodian,
    },
  };
  const activation = {
    effective: BigInt(view.effective),
    activating: BigInt(view.activating),
    deactivating: BigInt(view.deactivating),
  };
  const lamports = BigInt(view.lamports);
  if (view.kind === 'initialized' || view.voter === null) {
    return { address: view.address, lamports, state: { kind: 'initialized', meta }, activation };
  }
  return {
    address: view.address,
    lamports,
    state: {
      kind: 'delegated',
      meta,
      stake: {
        delegation: {
          voter: view.voter,
          stake: BigInt(view.delegatedStake),
          activationEpoch: BigInt(view.activationEpoch ?? 0),
          deactivationEpoch:
            view.deactivationEpoch === null ? EPOCH_UNSET : BigInt(view.deactivationEpoch),
        },
        // NOTE: the view does not keep credits observed. The merge check compares voters and
        // activation, not credits, so 0 is only a placeholder.
        creditsObserved: 0n,
      },
    },
    activation,
  };
}
