/**
 * Blocks a blockhash stays valid for, as the RPC API reports it in `lastValidBlockHeight`
 * (`MAX_PROCESSING_AGE` in Agave).
 */
export const MAX_PROCESSING_AGE = 150n;

/**
 * Block height at which each blockhash was first handed out. solana-bankrun 0.4 reports
 * `lastValidBlockHeight` as height + 300, while clusters report height + 150, so the local
 * RPC computes it here and rejects transactions whose blockhash is older than that.
 */
export class BlockhashRegistry {
  private readonly firstSeenHeight = new Map<string, bigint>();
  /** Blockhashes handed out before a jump of many slots, which produced too few blocks. */
  private readonly expiredByJump = new Set<string>();

  observe(blockhash: string, blockHeight: bigint): void {
    if (!this.firstSeenHeight.has(blockhash)) {
      this.firstSeenHeight.set(blockhash, blockHeight);
    }
  }

  /** Returns the block height at which `blockhash` was first handed out, or undefined. */
  firstSeenAt(blockhash: string): bigint | undefined {
    return this.firstSeenHeight.get(blockhash);
  }

  /** Returns the last block height at which `blockhash` is valid, or undefined if unknown. */
  lastValidBlockHeight(blockhash: string): bigint | undefined {
    const height = this.firstSeenHeight.get(blockhash);
    return height === undefined ? undefined : height + MAX_PROCESSING_AGE;
  }

  /** Marks every blockhash handed out so far as expired. */
  expireAll(): void {
    for (const blockhash of this.firstSeenHeight.keys()) {
      this.expiredByJump.add(blockhash);
    }
  }

  isExpired(blockhash: string, currentBlockHeight: bigint): boolean {
    if (this.expiredByJump.has(blockhash)) {
      return true;
    }
    const lastValid = this.lastValidBlockHeight(blockhash);
    return lastValid !== undefined && currentBlockHeight > lastValid;
  }
}
