import type { OwnerBalance, PortfolioTotals } from '../../../../shared/contract/chain';
import { AccountLabel } from '../ledger/AccountName';
import { formatSol } from './amounts';

const totalRows: { key: keyof PortfolioTotals; label: string; hint: string }[] = [
  { key: 'total', label: 'Total', hint: 'Available plus everything in stake accounts' },
  { key: 'available', label: 'Available', hint: 'Held by your Ledger accounts, ready to stake' },
  { key: 'staked', label: 'In stake accounts', hint: 'Whatever the state of the stake' },
  { key: 'effective', label: 'Active stake', hint: 'Earning rewards this epoch' },
  { key: 'activating', label: 'Activating', hint: 'Starts earning over the next epochs' },
  { key: 'deactivating', label: 'Deactivating', hint: 'Withdrawable once cooled down' },
  {
    key: 'inactive',
    label: 'Inactive',
    hint: 'Not earning: balance above the active stake and rent',
  },
  { key: 'withdrawable', label: 'Withdrawable', hint: 'Can be withdrawn from stake accounts now' },
];

/** Shows the portfolio totals, each amount with a line on what it means. */
export function PortfolioTotalsCard({ totals }: { totals: PortfolioTotals }) {
  return (
    <section className="card" aria-labelledby="totals-heading">
      <h2 id="totals-heading">Totals</h2>
      <dl className="totals">
        {totalRows.map((row) => (
          <div key={row.key} className="total" data-testid={`total-${row.key}`}>
            <dt>{row.label}</dt>
            <dd>
              <span className="amount">{formatSol(totals[row.key])}</span>
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
