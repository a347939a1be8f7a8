import type { StakeAccountView } from '../../../shared/domain/chain';
import { WalletError } from '../../../shared/errors';
import { EPOCH_NOT_SET } from '../decode/stakeState';
import type { StakeBalances, StakeStateWithMeta } from './stakeBalances';

/** Slot, epoch and receive time of the data a view was built from. */
export interface DataOrigin {
  slot: number;
  epoch: number;
  fetchedAt: string;
}

/**
 * Builds the bridge form of a stake account: amounts as decimal strings, unset epochs as null.
 *
 * @throws WalletError ACCOUNT_DECODE_FAILED for an activation or deactivation epoch that is
 *   neither unset nor a safe integer, which the runtime never writes.
 */
export function toStakeAccountView(
  address: string,
  lamports: bigint,
  account: StakeStateWithMeta,
  balances: StakeBalances,
  origin: DataOrigin,
  stale: boolean,
): StakeAccountView {
  const { meta } = account;
  const delegation = account.kind === 'delegated' ? account.stake.delegation : null;

  return {
    address,
    kind: account.kind,
    state: balances.state,
    lamports: lamports.toString(),
    delegatedStake: balances.delegatedStake.toString(),
    effective: balances.effective.toString(),
    activating: balances.activating.toString(),
    deactivating: balances.deactivating.toString(),
    inactive: balances.inactive.toString(),
    withdrawable: balances.withdrawable.toString(),
    rentExemptReserve: meta.rentExemptReserve.toString(),
    voter: delegation?.voter ?? null,
    staker: meta.authorized.staker,
    withdrawer: meta.authorized.withdrawer,
    lockup: {
      unixTimestamp: meta.lockup.unixTimestamp.toString(),
      epoch: meta.lockup.epoch.toString(),
      custodian: meta.lockup.custodian,
      inForce: balances.lockupInForce,
    },
    activationEpoch: toOptionalEpoch(address, 'activation_epoch', delegation?.activationEpoch),
    deactivationEpoch: toOptionalEpoch(
      address,
      'deactivation_epoch',
      delegation?.deactivationEpoch,
    ),
    dataSlot: origin.slot,
    dataEpoch: origin.epoch,
    fetchedAt: origin.fetchedAt,
    stale,
  };
}

function toOptionalEpoch(address: string, field: string, epoch: bigint | undefined): number | null {
  if (epoch === undefined || epoch === EPOCH_NOT_SET) {
    return null;
  }
  if (epoch > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new WalletError('ACCOUNT_DECODE_FAILED', {
      address,
      layout: 'StakeStateV2',
      reason: `${field} is ${epoch}, which no runtime writes`,
    });
  }
  return Number(epoch);
}
