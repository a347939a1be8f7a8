import type { OwnerBalance, PortfolioTotals } from '../../../../shared/contract/chain';
import { AccountLabel } from '../ledger/AccountName';
import { formatSol } from './amounts';
import { buildPortfolioBreakdown } from './portfolio-breakdown';

/** Shows the portfolio totals and their parts, each amount with a line on what it means. */
export function PortfolioTotalsCard({ totals }: { totals: PortfolioTotals }) {
  return (
    <section className="card" aria-labelledby="totals-heading">
      <h2 id="totals-heading">Totals</h2>
      <dl className="totals">
        {buildPortfolioBreakdown(totals).map((row) => (
          <div
            key={row.key}
            className="total"
            data-level={row.level}
            data-testid={`total-${row.key}`}
          >
            <dt>{row.label}</dt>
            <dd>
              <span className="amount">{formatSol(row.lamports)}</span>
              <span className="hint">{row.hint}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Lists the person's Ledger accounts with their own balances and stake account counts. */
export function OwnerBalancesCard({ owners }: { owners: readonly OwnerBalance[] }) {
  return (
    <section className="card" aria-labelledby="owners-heading">
      <h2 id="owners-heading">Ledger accounts</h2>
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Address</th>
            <th scope="col" className="cell-end">
              Balance
            </th>
            <th scope="col" className="cell-end">
              Stake accounts
            </th>
          </tr>
        </thead>
        <tbody>
          {owners.map((owner) => (
            <tr key={owner.address}>
              <td className="name-cell">
                <AccountLabel name={owner.name} path={owner.path} />
              </td>
              <td className="mono">{owner.address}</td>
              <td className="cell-end">
                {owner.lamports === null ? 'not read yet' : formatSol(owner.lamports)}
              </td>
              <td className="cell-end">{owner.stakeAccountCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
