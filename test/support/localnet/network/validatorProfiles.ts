import type { ValidatorInfoFields } from '../codec/validatorInfo';

/** How one seeded validator behaves on the local chain. */
export interface ValidatorProfile {
  /** Seed for its deterministic keys, so addresses stay the same across runs. */
  slug: string;
  info: ValidatorInfoFields;
  commission: number;
  /** Delegated stake of each seeded stake account, in SOL. */
  stakesSol: number[];
  /** Vote credits earned per slot, at most 16 under timely vote credits (SIMD-0033). */
  creditsPerSlot: bigint;
  /** Leader slots skipped, per thousand. */
  skippedPerMille: number;
  /** First epoch in which the validator stops voting, or null if it never stops. */
  stopsVotingInEpoch: bigint | null;
}

/**
 * The seeded validator set: varied commission (0 to 100 %), stake, vote credits and skip
 * rate, one validator that stops voting after epoch 0 and so shows as delinquent.
 * Websites use the reserved `.example` domain.
 */
export const validatorProfiles: readonly ValidatorProfile[] = [
  {
    slug: 'aurora',
    info: {
      name: 'Aurora Staking',
      website: 'https://aurora-staking.example',
      details: 'Bare-metal validator in two data centres, run since 2021.',
      iconUrl: 'https://aurora-staking.example/icon.png',
    },
    commission: 5,
    stakesSol: [120_000, 30_000],
    creditsPerSlot: 16n,
    skippedPerMille: 12,
    stopsVotingInEpoch: null,
  },
  {
    slug: 'basalt',
    info: {
      name: 'Basalt Validator',
      website: 'https://basalt.example',
      details: 'Community validator. Commission funds local meetups.',
    },
    commission: 7,
    stakesSol: [90_000],
    creditsPerSlot: 15n,
    skippedPerMille: 40,
    stopsVotingInEpoch: null,
  },
  {
    slug: 'cobalt',
    info: {
      name: 'Cobalt Node',
      website: 'https://cobalt-node.example',
      iconUrl: 'https://cobalt-node.example/logo.png',
    },
    commission: 0,
    stakesSol: [60_000, 15_000],
    creditsPerSlot: 14n,
    skippedPerMille: 8,
    stopsVotingInEpoch: null,
  },
  {
    slug: 'driftwood',
    info: { name: 'Driftwood', details: 'Single operator, no website.' },
    commission: 10,
    stakesSol: [50_000],
    creditsPerSlot: 13n,
    skippedPerMille: 80,
    stopsVotingInEpoch: null,
  },
  {
    slug: 'ember',
    info: {
      name: 'Ember Labs',
      website: 'https://emberlabs.example',
      details: 'Research team running a validator alongside client development.',
      iconUrl: 'https://emberlabs.example/ember.png',
    },
    commission: 8,
    stakesSol: [40_000, 5_000],
    creditsPerSlot: 15n,
    skippedPerMille: 25,
    stopsVotingInEpoch: null,
  },
  {
    slug: 'fjord',
    info: {
      name: 'Fjord Stake',
      website: 'https://fjord-stake.example',
      details: 'Keeps all rewards: 100 % commission.',
    },
    commission: 100,
    stakesSol: [35_000],
    creditsPerSlot: 16n,
    skippedPerMille: 0,
    stopsVotingInEpoch: null,
  },
  {
    slug: 'granite',
    info: {
      name: 'Granite Pool',
      website: 'https://granite-pool.example',
      details: 'Budget hardware; expect missed votes.',
    },
    commission: 3,
    stakesSol: [25_000],
    creditsPerSlot: 10n,
    skippedPerMille: 150,
    stopsVotingInEpoch: null,
  },
  {
    slug: 'harbor',
    info: {
      name: 'Harbor Validator',
      website: 'https://harbor-validator.example',
      details: 'Offline since a hardware failure.',
    },
    commission: 6,
    stakesSol: [20_000, 2_500],
    creditsPerSlot: 14n,
    skippedPerMille: 1000,
    stopsVotingInEpoch: 1n,
  },
  {
    slug: 'iris',
    info: { name: 'Iris' },
    commission: 9,
    stakesSol: [10_000],
    creditsPerSlot: 12n,
    skippedPerMille: 30,
    stopsVotingInEpoch: null,
  },
];
