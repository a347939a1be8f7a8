import { createHash } from 'node:crypto';

import { Keypair } from '@solana/web3.js';

/** Keys of one seeded validator, derived from its slug so they are stable across runs. */
export interface ValidatorKeys {
  identity: Keypair;
  voteAccount: Keypair;
  /** Authorized withdrawer of the vote account, also allowed to change its commission. */
  voteWithdrawer: Keypair;
  /** Staker and withdrawer of the seeded stake accounts. */
  stakeAuthority: Keypair;
  /** Address of the validator-info Config account. */
  info: Keypair;
  stakeAccounts: Keypair[];
}

export function deriveKeypair(label: string): Keypair {
  const seed = createHash('sha256').update(`ledger-stake-desk localnet ${label}`).digest();
  return Keypair.fromSeed(seed);
}

export function deriveValidatorKeys(slug: string, stakeAccountCount: number): ValidatorKeys {
  return {
    identity: deriveKeypair(`${slug}/identity`),
    voteAccount: deriveKeypair(`${slug}/vote`),
    voteWithdrawer: deriveKeypair(`${slug}/vote-withdrawer`),
    stakeAuthority: deriveKeypair(`${slug}/stake-authority`),
    info: deriveKeypair(`${slug}/info`),
    stakeAccounts: Array.from({ length: stakeAccountCount }, (_, index) =>
      deriveKeypair(`${slug}/stake/${index}`),
    ),
  };
}
