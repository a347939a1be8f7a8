import { PageHeader } from '../components/PageHeader';

export function StakeAccountsPage() {
  return (
    <>
      <PageHeader title="Stake accounts" />
      <p className="empty-state">
        Every stake account of your Ledger accounts appears here once a Ledger account is connected.
      </p>
    </>
  );
}
