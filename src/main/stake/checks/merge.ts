import type { MergeRejection } from '../../../shared/domain/stake';
import { WalletError } from '../../../shared/errors';
import type { ClusterTime, StakeAccountSnapshot, StakeMeta } from '../stake-account';
import { EPOCH_UNSET } from '../stake-account';
import { isLockupInForce } from './lockup';

/** The stake program's `MergeKind`, plus the transient state it refuses. */
export type MergeKind = 'inactive' | 'activationEpoch' | 'fullyActive';

export type MergeCheck =
  | { ok: true; destinationKind: MergeKind; sourceKind: MergeKind }
  | { ok: false; rejection: MergeRejection };

/**
 * Classifies an account as the stake program's `MergeKind::get_if_mergeable` does: no stake
 * at all is inactive, stake with nothing effective yet is activation-epoch, stake with
 * nothing activating or deactivating is fully active, anything else is transient (null).
 */
export function mergeKindOf(snapshot: StakeAccountSnapshot): MergeKind | null {
  if (snapshot.state.kind === 'initialized') {
    return 'inactive';
  }

  const { effective, activating, deactivating } = snapshot.activation;
  if (effective === 0n && activating === 0n && deactivating === 0n) {
    return 'inactive';
  }
  if (effective === 0n) {
    return 'activationEpoch';
  }
  if (activating === 0n && deactivating === 0n) {
    return 'fullyActive';
  }
  return null;
}

/**
 * Decides whether `source` can be merged into `destination`, in the order the stake program
 * checks (solana-program/stake `process_merge` and `MergeKind::merge`), and names the first
 * rule that fails. Since the stake_merge_with_unmatched_credits_observed feature, differing
 * credits_observed no longer block a merge of active accounts, so they are not compared.
 */
export function checkMerge(
  destination: StakeAccountSnapshot,
  source: StakeAccountSnapshot,
  time: ClusterTime,
  signer?: string,
): MergeCheck {
  if (destination.address === source.address) {
    return reject({ kind: 'sameAccount' });
  }

  const destinationKind = mergeKindOf(destination);
  if (destinationKind === null) {
    return reject({ kind: 'transientStake', role: 'destination' });
  }
  const staker = destination.state.meta.authorized.staker;
  if (signer !== undefined && signer !== staker) {
    return reject({ kind: 'signerNotStaker', staker });
  }
  const sourceKind = mergeKindOf(source);
  if (sourceKind === null) {
    return reject({ kind: 'transientStake', role: 'source' });
  }

  const metaRejection = compareMetas(destination.state.meta, source.state.meta, time);
  if (metaRejection !== null) {
    return reject(metaRejection);
  }

  if (
    destination.state.kind === 'delegated' &&
    source.state.kind === 'delegated' &&
    destinationKind !== 'inactive' &&
    sourceKind !== 'inactive'
  ) {
    const destinationDelegation = destination.state.stake.delegation;
    const sourceDelegation = source.state.stake.delegation;
    if (destinationDelegation.voter !== sourceDelegation.voter) {
      return reject({
        kind: 'votersDiffer',
        destinationVoter: destinationDelegation.voter,
        sourceVoter: sourceDelegation.voter,
      });
    }
    if (destinationDelegation.deactivationEpoch !== EPOCH_UNSET) {
      return reject({ kind: 'deactivationRequested', role: 'destination' });
    }
    if (sourceDelegation.deactivationEpoch !== EPOCH_UNSET) {
      return reject({ kind: 'deactivationRequested', role: 'source' });
    }
  }

  if (!isCompatiblePair(destinationKind, sourceKind)) {
    return reject({ kind: 'incompatibleStates', destinationKind, sourceKind });
  }
  return { ok: true, destinationKind, sourceKind };
}

/**
 * @throws WalletError MERGE_NOT_POSSIBLE with the reason in plain words.
 */
export function assertMergeable(
  destination: StakeAccountSnapshot,
  source: StakeAccountSnapshot,
  time: ClusterTime,
  signer?: string,
): void {
  const result = checkMerge(destination, source, time, signer);
  if (result.ok) {
    return;
  }

  const reason = describeMergeRejection(result.rejection);
  throw new WalletError(
    'MERGE_NOT_POSSIBLE',
    { destination: destination.address, source: source.address, reason },
    `${source.address} cannot be merged into ${destination.address}: ${reason}`,
  );
}

const kindText: Record<MergeKind, string> = {
  inactive: 'inactive',
  activationEpoch: 'activating in its first epoch',
  fullyActive: 'fully active',
};

/** Describes in one sentence why a merge is rejected and what would make it possible. */
export function describeMergeRejection(rejection: MergeRejection): string {
  switch (rejection.kind) {
    case 'sameAccount':
      return 'An account cannot be merged into itself.';
    case 'transientStake':
      return `The ${rejection.role} account is partly activated or deactivating; wait until its stake is fully active or fully inactive.`;
    case 'authoritiesDiffer':
      return 'The two accounts have different stake or withdraw authorities.';
    case 'lockupsDiffer':
      return 'The two accounts have different lockups and at least one of them is still in force.';
    case 'votersDiffer':
      return `The accounts are delegated to different validators (${rejection.destinationVoter} and ${rejection.sourceVoter}).`;
    case 'deactivationRequested':
      return `The ${rejection.role} account is being unstaked; accounts with stake merge only while neither is deactivating.`;
    case 'incompatibleStates':
      return `The destination is ${kindText[rejection.destinationKind]} and the source is ${kindText[rejection.sourceKind]}; a fully active account merges only with another fully active one, and an inactive destination cannot take an active source.`;
    case 'signerNotStaker':
      return `Only the destination's stake authority ${rejection.staker} can merge into it.`;
  }
}

function compareMetas(
  destination: StakeMeta,
  source: StakeMeta,
  time: ClusterTime,
): MergeRejection | null {
  const sameAuthorities =
    destination.authorized.staker === source.authorized.staker &&
    destination.authorized.withdrawer === source.authorized.withdrawer;
  if (!sameAuthorities) {
    return { kind: 'authoritiesDiffer' };
  }

  const a = destination.lockup;
  const b = source.lockup;
  const sameLockup =
    a.unixTimestamp === b.unixTimestamp && a.epoch === b.epoch && a.custodian === b.custodian;
  // Different lockups are fine once both have expired.
  if (!sameLockup && (isLockupInForce(a, time) || isLockupInForce(b, time))) {
    return { kind: 'lockupsDiffer' };
  }
  return null;
}

function isCompatiblePair(destination: MergeKind, source: MergeKind): boolean {
  switch (destination) {
    case 'inactive':
      return source === 'inactive' || source === 'activationEpoch';
    case 'activationEpoch':
      return source === 'inactive' || source === 'activationEpoch';
    case 'fullyActive':
      return source === 'fullyActive';
  }
}

function reject(rejection: MergeRejection): MergeCheck {
  return { ok: false, rejection };
}
