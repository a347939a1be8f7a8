import { z } from 'zod';

import { rewardEntrySchema, type RewardEntry } from '../../../shared/domain/chain';
import { WalletError } from '../../../shared/errors';
import { formatCsv } from './csv-format';

const header = [
  'stake_account',
  'epoch',
  'status',
  'amount_lamports',
  'amount_sol',
  'post_balance_lamports',
  'commission_percent',
  'effective_slot',
] as const;

const lamportsPerSol = 1_000_000_000n;

/**
 * Formats reward rows as CSV sorted by stake account and epoch. SOL amounts are computed
 * from the lamport strings with bigint, so no amount passes through floating point.
 */
export function formatRewardsCsv(rows: readonly RewardEntry[]): string {
  const checked = z.array(rewardEntrySchema).safeParse(rows);
  if (!checked.success) {
    throw new WalletError('STORE_INVALID_RECORD', {
      file: 'rewards.csv',
      issues: checked.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    });
  }

  const sorted = [...checked.data].sort(
    (a, b) => a.address.localeCompare(b.address) || a.epoch - b.epoch,
  );
  return formatCsv(
    header,
    sorted.map((row) => [
      row.address,
      row.epoch,
      row.status,
      BigInt(row.amount),
      formatSol(BigInt(row.amount)),
      row.postBalance === null ? null : BigInt(row.postBalance),
      row.commission,
      row.effectiveSlot,
    ]),
  );
}

/** Formats lamports as SOL with all nine decimals, for example 1500000000 as 1.500000000. */
export function formatSol(lamports: bigint): string {
  const sign = lamports < 0n ? '-' : '';
  const magnitude = lamports < 0n ? -lamports : lamports;
  const whole = magnitude / lamportsPerSol;
  const fraction = (magnitude % lamportsPerSol).toString().padStart(9, '0');
  return `${sign}${whole}.${fraction}`;
}
