import { z } from 'zod';

import { STAKE_PROGRAM_ID, STAKER_OFFSET, WITHDRAWER_OFFSET, fetchProgramAccounts } from './chain';
import type { ChainHub } from './chain-hub';

const balanceSchema = z.object({ value: z.number().nonnegative() });
const signaturesSchema = z.array(z.object({ signature: z.string() }));

/**
 * Decides whether a Ledger address has ever been used: it contains lamports, it is the staker
 * or withdrawer of a stake account, or it appears in any transaction. Account discovery
 * stops after a run of unused addresses, so an address with funds is never skipped.
 */
export class AccountActivityService {
  constructor(private readonly hub: ChainHub) {}

  async isUsed(address: string, signal?: AbortSignal): Promise<boolean> {
    const chain = await this.hub.chain();
    const options = signal === undefined ? {} : { signal };

    const balance = await chain.rpc.request(
      'getBalance',
      [address, { commitment: 'confirmed' }],
      balanceSchema,
      options,
    );
    if (balance.value.value > 0) {
      return true;
    }

    for (const offset of [STAKER_OFFSET, WITHDRAWER_OFFSET]) {
      const found = await fetchProgramAccounts(
        chain.rpc,
        STAKE_PROGRAM_ID.toBase58(),
        [{ memcmp: { offset, bytes: address } }],
        options,
      );
      if (found.accounts.length > 0) {
        return true;
      }
    }

    const history = await chain.rpc.request(
      'getSignaturesForAddress',
      [address, { limit: 1, commitment: 'confirmed' }],
      signaturesSchema,
      options,
    );
    return history.value.length > 0;
  }
}
