import type { Logger } from 'pino';

import type { LockupView, RewardStatus, StakeAccountView } from '../shared/domain/chain';
import type { WalletErrorData } from '../shared/errors';
import type { ChainService } from '../main/chain';
import { formatSolAmount, formatTable, type TableColumn } from './text-format';

export interface StakeAccountReward {
  epoch: number;
  status: RewardStatus;
  amount: string;
}

/** One stake account as the CLI prints it; lamport amounts are decimal strings. */
export interface StakeAccountReport {
  address: string;
  state: StakeAccountView['state'];
  lamports: string;
  delegatedStake: string;
  effective: string;
  activating: string;
  deactivating: string;
  inactive: string;
  withdrawable: string;
  rentExemptReserve: string;
  voter: string | null;
  staker: string;
  withdrawer: string;
  activationEpoch: number | null;
  deactivationEpoch: number | null;
  lockup: LockupView;
  rewards: StakeAccountReward[];
  /** Simple annual rate from the rewards read, as a fraction; null without a paid epoch. */
  apr: number | null;
}

export interface StakeAccountsReport {
  url: string;
  authorities: string[];
  slot: number;
  epoch: number;
  fetchedAt: string;
  rewardEpochs: number[];
  stakeAccounts: StakeAccountReport[];
  undecodable: { address: string; reason: string }[];
  warnings: WalletErrorData[];
}

/**
 * Reads the stake accounts of `authorities` and their rewards over the last `rewardEpochs`
 * completed epochs.
 *
 * @throws WalletError when the endpoint cannot be read.
 */
export async function readStakeAccountsReport(
  chain: ChainService,
  url: string,
  authorities: readonly string[],
  rewardEpochs: number,
  logger: Logger,
): Promise<StakeAccountsReport> {
  const refresh = await chain.stakeAccounts.refresh(authorities);
  const addresses = refresh.accounts.map((view) => view.address);
  logger.info({ accounts: addresses.length }, 'read stake accounts');

  const rewards =
    addresses.length === 0
      ? { entries: [], apr: [], warnings: [], estimatedDurationEpochs: [] }
      : await chain.fetchRewards(addresses, rewardEpochs);
  const epochs = [...new Set(rewards.entries.map((entry) => entry.epoch))].sort((a, b) => a - b);
  const rewardsByAddress = new Map<string, StakeAccountReward[]>();
  for (const entry of rewards.entries) {
    const list = rewardsByAddress.get(entry.address) ?? [];
    list.push({ epoch: entry.epoch, status: entry.status, amount: entry.amount });
    rewardsByAddress.set(entry.address, list);
  }
  const aprByAddress = new Map(rewards.apr.map((entry) => [entry.address, entry.apr]));

  return {
    url,
    authorities: [...authorities],
    slot: refresh.meta.slot,
    epoch: refresh.meta.epoch,
    fetchedAt: refresh.meta.fetchedAt,
    rewardEpochs: epochs,
    stakeAccounts: refresh.accounts.map((view) => ({
      address: view.address,
      state: view.state,
      lamports: view.lamports,
      delegatedStake: view.delegatedStake,
      effective: view.effective,
      activating: view.activating,
      deactivating: view.deactivating,
      inactive: view.inactive,
      withdrawable: view.withdrawable,
      rentExemptReserve: view.rentExemptReserve,
      voter: view.voter,
      staker: view.staker,
      withdrawer: view.withdrawer,
      activationEpoch: view.activationEpoch,
      deactivationEpoch: view.deactivationEpoch,
      lockup: view.lockup,
      rewards: rewardsByAddress.get(view.address) ?? [],
      apr: aprByAddress.get(view.address) ?? null,
    })),
    undecodable: refresh.undecodable,
    warnings: [...refresh.warnings, ...rewards.warnings],
  };
}

/** Formats the report as text for a terminal, with amounts in SOL. */
export function formatStakeAccountsText(report: StakeAccountsReport): string {
  const lines = [
    `Stake accounts of ${report.authorities.join(', ')}`,
    `Endpoint ${report.url}, slot ${report.slot}, epoch ${report.epoch}, read at ${report.fetchedAt}`,
    '',
  ];
  if (report.stakeAccounts.length === 0) {
    lines.push('No stake account has one of these keys as its staker or withdrawer.');
  }

  for (const account of report.stakeAccounts) {
    lines.push(account.address);
    const rows: [string, string][] = [
      ['State', account.state],
      ['Balance', formatSolAmount(account.lamports)],
      ['Effective', formatSolAmount(account.effective)],
      ['Activating', formatSolAmount(account.activating)],
      ['Deactivating', formatSolAmount(account.deactivating)],
      ['Inactive', formatSolAmount(account.inactive)],
      ['Withdrawable', formatSolAmount(account.withdrawable)],
      ['Rent reserve', formatSolAmount(account.rentExemptReserve)],
      ['Voter', account.voter ?? 'not delegated'],
      ['Staker', account.staker],
      ['Withdrawer', account.withdrawer],
      ['Lockup', describeLockup(account.lockup)],
      ['Rewards', describeRewards(account.rewards)],
      ['APR', account.apr === null ? 'unknown' : `${(account.apr * 100).toFixed(2)} %`],
    ];
    for (const [label, value] of rows) {
      lines.push(`  ${label.padEnd(13)}${value}`);
    }
    lines.push('');
  }

  lines.push(...formatProblems(report.undecodable, report.warnings));
  return `${lines.join('\n').trimEnd()}\n`;
}

function describeLockup(lockup: LockupView): string {
  if (!lockup.inForce) {
    return 'none in force';
  }
  const parts: string[] = [];
  if (lockup.epoch !== '0') {
    parts.push(`until epoch ${lockup.epoch}`);
  }
  if (lockup.unixTimestamp !== '0') {
    parts.push(`until ${new Date(Number(lockup.unixTimestamp) * 1000).toISOString()}`);
  }
  return `${parts.join(' and ')}, custodian ${lockup.custodian}`;
}

function describeRewards(rewards: readonly StakeAccountReward[]): string {
  if (rewards.length === 0) {
    return 'none read';
  }
  return rewards
    .map((reward) => {
      switch (reward.status) {
        case 'paid':
          return `epoch ${reward.epoch}: ${formatSolAmount(reward.amount)}`;
        case 'none':
          return `epoch ${reward.epoch}: none`;
        case 'pending':
          return `epoch ${reward.epoch}: pending`;
        case 'unavailable':
          return `epoch ${reward.epoch}: unavailable`;
      }
    })
    .join('; ');
}

/** Lists undecodable accounts and partial failures after the main output. */
export function formatProblems(
  undecodable: readonly { address: string; reason: string }[],
  warnings: readonly WalletErrorData[],
): string[] {
  const lines: string[] = [];
  if (undecodable.length > 0) {
    const columns: TableColumn<{ address: string; reason: string }>[] = [
      { title: 'Undecodable account', value: (row) => row.address },
      { title: 'Reason', value: (row) => row.reason },
    ];
    lines.push('', ...formatTable(columns, undecodable));
  }
  for (const warning of warnings) {
    lines.push(`Warning: ${warning.message} (${warning.code})`);
  }
  return lines;
}
