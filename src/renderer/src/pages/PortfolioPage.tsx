import { DataFreshness } from '../components/chain/DataFreshness';
import { OwnerBalancesCard, PortfolioTotalsCard } from '../components/chain/PortfolioSummary';
import { RewardsChart } from '../components/chain/RewardsChart';
import { usePortfolioPage } from '../components/chain/useChainPage';
import { PageHeader } from '../components/PageHeader';
import { usePortfolio } from '../stores/portfolio';
import '../components/chain/chain.css';

export function PortfolioPage() {
  usePortfolioPage();
  const state = usePortfolio((store) => store.state);
  const refreshing = usePortfolio((store) => store.refreshing);
  const refresh = usePortfolio((store) => store.refresh);
  const snapshot = state?.snapshot ?? null;

  return (
    <>
      <PageHeader title="Portfolio" />
      <DataFreshness
        subject="portfolio"
        meta={snapshot?.meta ?? null}
        refreshing={refreshing || state?.refreshing === true}
        lastRefresh={state?.lastRefresh}
        warnings={snapshot?.warnings ?? []}
        onRefresh={() => void refresh()}
      />
      {state === undefined && <p className="empty-state">Loading the saved portfolio…</p>}
      {snapshot !== null && snapshot.owners.length === 0 && (
        <p className="empty-state">
          No Ledger account is saved yet. Add your accounts on the Ledger accounts page to see their
          SOL, stake and rewards here.
        </p>
      )}
      {snapshot !== null && snapshot.owners.length > 0 && (
        <>
          <PortfolioTotalsCard totals={snapshot.totals} />
          <section className="card" aria-labelledby="rewards-heading">
            <h2 id="rewards-heading">Recent rewards</h2>
            {snapshot.rewards === null ? (
              <p className="empty-state">Rewards could not be read yet.</p>
            ) : (
              <RewardsChart rewards={snapshot.rewards} />
            )}
          </section>
          <OwnerBalancesCard owners={snapshot.owners} />
        </>
      )}
    </>
  );
}
