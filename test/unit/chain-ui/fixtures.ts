import type { StakeAccountView, ValidatorView } from '../../../src/shared/domain/chain';

export const OWNER = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';
export const OTHER_OWNER = '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ';
export const VOTER = 'DFpn4662iQPSChYkaaqDjqdFiVmAMXV752Z2q4TGr23F';

/** Builds a delegated, fully active stake account of OWNER with the given overrides. */
export function stakeView(overrides: Partial<StakeAccountView> = {}): StakeAccountView {
  return {
    address: '7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9',
    kind: 'delegated',
    state: 'active',
    lamports: '10002282880',
    delegatedStake: '10000000000',
    effective: '10000000000',
    activating: '0',
    deactivating: '0',
    inactive: '0',
    withdrawable: '0',
    rentExemptReserve: '2282880',
    voter: VOTER,
    staker: OWNER,
    withdrawer: OWNER,
    lockup: { unixTimestamp: '0', epoch: '0', custodian: OWNER, inForce: false },
    activationEpoch: 3,
    deactivationEpoch: null,
    dataSlot: 500,
    dataEpoch: 5,
    fetchedAt: '2025-01-31T12:00:00.000Z',
    stale: false,
    ...overrides,
  };
}

export function validatorView(overrides: Partial<ValidatorView> = {}): ValidatorView {
  return {
    votePubkey: VOTER,
    nodePubkey: 'EDUded8fGxKkRTWWjE9YFzCmrW54aXXabVKLn3NyvHqV',
    name: 'Aurora Staking',
    website: null,
    iconUrl: null,
    details: null,
    commission: 5,
    previousCommission: null,
    activatedStake: '150000000000000',
    stakeShare: 0.2,
    superminority: false,
    delinquent: false,
    lastVote: 1000,
    recentCredits: 5000,
    creditsVsMedian: 1.05,
    creditsVsMean: 1.02,
    skipRate: 0.01,
    estimatedApy: 0.068,
    ...overrides,
  };
}
