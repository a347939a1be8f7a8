import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { PortfolioRewards } from '../../../../shared/contract/chain';
import { formatSol, toChartSol } from './amounts';

/** Axis labels with three significant digits, so tiny rewards do not turn into 1.8e-7. */
const axisNumber = new Intl.NumberFormat('en-US', {
  maximumSignificantDigits: 3,
  maximumFractionDigits: 9,
});

interface ChartPoint {
  epoch: number;
  /** Bar height in SOL; see toChartSol for why text never uses it. */
  sol: number;
  lamports: string;
}

/**
 * Rewards per epoch as a bar chart, with the same numbers in a table for screen readers and
 * for anyone who wants exact amounts.
 */
export function RewardsChart({ rewards }: { rewards: PortfolioRewards }) {
  const points: ChartPoint[] = rewards.byEpoch.map((entry) => ({
    epoch: entry.epoch,
    sol: toChartSol(entry.amount),
    lamports: entry.amount,
  }));
  const total = rewards.byEpoch.reduce((sum, entry) => sum + BigInt(entry.amount), 0n);

  return (
    <figure className="rewards-chart">
      <figcaption>
        Rewards paid over the last {rewards.epochs.length} completed epochs:{' '}
        <strong data-testid="rewards-total">{formatSol(total.toString())}</strong>
      </figcaption>
      {/* The rewards table holds the same numbers, so the chart stays out of the tab order. */}
      <div className="chart-area" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart
            data={points}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="epoch" tickFormatter={(epoch: number) => `Epoch ${epoch}`} />
            <YAxis width={100} tickFormatter={(sol: number) => `${axisNumber.format(sol)} SOL`} />
            <Tooltip
              formatter={(_value, _name, item) => formatSol((item.payload as ChartPoint).lamports)}
              labelFormatter={(epoch) => `Epoch ${Number(epoch)}`}
            />
            <Bar dataKey="sol" name="Reward" fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="rewards-table">
        <caption className="visually-hidden">Rewards per epoch</caption>
        <thead>
          <tr>
            <th scope="col">Epoch</th>
            <th scope="col">Paid</th>
            <th scope="col">Accounts paid</th>
            <th scope="col">Still pending or unavailable</th>
          </tr>
        </thead>
        <tbody>
          {rewards.byEpoch.map((entry) => (
            <tr key={entry.epoch}>
              <td>{entry.epoch}</td>
              <td>{formatSol(entry.amount)}</td>
              <td>{entry.paidCount}</td>
              <td>{entry.pendingCount + entry.unavailableCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
