import { AccountList } from '../components/ledger/AccountList';
import { ConnectPanel } from '../components/ledger/ConnectPanel';
import '../components/ledger/ledger.css';
import { PageHeader } from '../components/PageHeader';

export function LedgerAccountsPage() {
  return (
    <>
      <PageHeader title="Ledger accounts" />
      <ConnectPanel />
      <AccountList />
    </>
  );
}
