import type { ValidatorView } from '../shared/domain/chain';
import type { WalletErrorData } from '../shared/errors';
import type { ChainService } from '../main/chain';
import { formatProblems } from './stake-accounts-command';
import { formatPercent, formatSolAmount, formatTable, type TableColumn } from './text-format';

export interface ValidatorsReport {
  url: string;
  slot: number;
  epoch: number;
  fetchedAt: string;
  /** Sorted by activated stake, largest first; lamport amounts are decimal strings. */
  validators: ValidatorView[];
  warnings: WalletErrorData[];
}

/**
 * Reads every vote account with its metrics.
 *
 * @throws WalletError when the epoch or the vote accounts cannot be read.
 */
export async function readValidatorsReport(
  chain: ChainService,
  url: string,
): Promise<ValidatorsReport> {
  const list = await chain.validators.listValidators();
  const validators = [...list.validators].sort((left, right) =>
    compareLamportsDescending(left.activatedStake, right.activatedStake),
  );
  return {
    url,
    slot: list.slot,
    epoch: list.epoch,
    fetchedAt: list.fetchedAt,
    validators,
    warnings: list.warnings,
  };
}

const columns: TableColumn<ValidatorView>[] = [
  { title: 'Name', value: (view) => view.name ?? '(no name)' },
  { title: 'Vote account', value: (view) => view.votePubkey },
  { title: 'Commission', value: (view) => `${view.commission} %`, align: 'right' },
  { title: 'Stake', value: (view) => formatSolAmount(view.activatedStake), align: 'right' },
  { title: 'Share', value: (view) => formatPercent(view.stakeShare), align: 'right' },
  { title: 'Delinquent', value: (view) => (view.delinquent ? 'yes' : 'no') },
  { title: 'Superminority', value: (view) => (view.superminority ? 'yes' : 'no') },
  {
    title: 'Credits vs median',
    value: (view) => (view.creditsVsMedian === null ? '-' : view.creditsVsMedian.toFixed(3)),
    align: 'right',
  },
  { title: 'Skip rate', value: (view) => formatPercent(view.skipRate), align: 'right' },
  { title: 'Est. APY', value: (view) => formatPercent(view.estimatedApy), align: 'right' },
  { title: 'Last vote', value: (view) => String(view.lastVote), align: 'right' },
];

/** Formats the report as a text table for a terminal, with stake in SOL. */
export function formatValidatorsText(report: ValidatorsReport): string {
  const lines = [
    `Validators on ${report.url}, slot ${report.slot}, epoch ${report.epoch}, read at ${report.fetchedAt}`,
    '',
    ...formatTable(columns, report.validators),
    '',
    'Est. APY is an estimate from the inflation rate, commission and vote credits, not a promise.',
    ...formatProblems([], report.warnings),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function compareLamportsDescending(left: string, right: string): number {
  const difference = BigInt(right) - BigInt(left);
  if (difference === 0n) {
    return 0;
  }
  return difference > 0n ? 1 : -1;
}
