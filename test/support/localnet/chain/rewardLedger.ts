/** Reward the runtime paid to one account at one epoch boundary. */
export interface InflationRewardRecord {
  /** Epoch the reward was earned in (the epoch that just ended). */
  epoch: bigint;
  /** Slot in which the runtime credited the reward. */
  effectiveSlot: bigint;
  amount: bigint;
  postBalance: bigint;
  /** Commission of the vote account when the reward was paid. */
  commission: number | null;
}

/**
 * Inflation rewards observed per address and epoch. The chain records each one by
 * comparing balances just before and just after an epoch boundary, so the amounts are
 * what the runtime paid, not a calculation of this project.
 */
export class RewardLedger {
  private readonly byAddress = new Map<string, Map<bigint, InflationRewardRecord>>();

  record(address: string, reward: InflationRewardRecord): void {
    let epochs = this.byAddress.get(address);
    if (epochs === undefined) {
      epochs = new Map();
      this.byAddress.set(address, epochs);
    }
    epochs.set(reward.epoch, reward);
  }

  find(address: string, epoch: bigint): InflationRewardRecord | null {
    return this.byAddress.get(address)?.get(epoch) ?? null;
  }
}
