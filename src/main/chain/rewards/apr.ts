import type { AccountApr, RewardEntry } from '../../../shared/domain/chain';

export const SECONDS_PER_YEAR = 365.25 * 24 * 60 * 60;

/**
 * Computes a simple annual rate per address from its rewards: the sum of each epoch's reward
 * divided by the balance before it, over the sum of those epochs' durations, scaled to a year.
 *
 * Epochs from the first to the last paid epoch count, and an epoch without a reward inside
 * that span counts as a zero return, because the account existed and earned nothing (a
 * delinquent validator, for example). Epochs marked unavailable or pending, or without a
 * known duration, are left out.
 *
 * @param epochSeconds duration of each epoch in seconds, by epoch number.
 */
export function computeAprByAddress(
  entries: readonly RewardEntry[],
  epochSeconds: ReadonlyMap<number, number>,
): AccountApr[] {
  const byAddress = new Map<string, RewardEntry[]>();
  for (const entry of entries) {
    const list = byAddress.get(entry.address) ?? [];
    list.push(entry);
    byAddress.set(entry.address, list);
  }

  return [...byAddress].map(([address, list]) => computeApr(address, list, epochSeconds));
}

function computeApr(
  address: string,
  entries: readonly RewardEntry[],
  epochSeconds: ReadonlyMap<number, number>,
): AccountApr {
  const paidEpochs = entries.filter((entry) => entry.status === 'paid').map((entry) => entry.epoch);
  if (paidEpochs.length === 0) {
    return { address, apr: null, epochsCounted: 0 };
  }
  const first = Math.min(...paidEpochs);
  const last = Math.max(...paidEpochs);

  let rateSum = 0;
  let secondsSum = 0;
  let epochsCounted = 0;
  for (const entry of entries) {
    const seconds = epochSeconds.get(entry.epoch);
    if (entry.epoch < first || entry.epoch > last || seconds === undefined || seconds <= 0) {
      continue;
    }
    if (entry.status === 'paid') {
      const reward = BigInt(entry.amount);
      const before = BigInt(entry.postBalance ?? '0') - reward;
      if (before <= 0n) {
        continue;
      }
      rateSum += Number(reward) / Number(before);
    } else if (entry.status !== 'none') {
      continue;
    }
    secondsSum += seconds;
    epochsCounted += 1;
  }

  if (secondsSum === 0) {
    return { address, apr: null, epochsCounted: 0 };
  }
  return { address, apr: (rateSum / secondsSum) * SECONDS_PER_YEAR, epochsCounted };
}
