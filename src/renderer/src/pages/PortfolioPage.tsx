import { PageHeader } from '../components/PageHeader';

export function PortfolioPage() {
  return (
    <>
      <PageHeader title="Portfolio" />
      <p className="empty-state">
        Your total SOL, what is staked and recent rewards appear here once a Ledger account is
        connected.
      </p>
    </>
  );
}
