import { useEffect } from 'react';

import { hasBridge } from './bridge/wallet';
import { ErrorList } from './components/ErrorList';
import { NavigationBar } from './components/NavigationBar';
import { StatusBar } from './components/StatusBar';
import { useTheme } from './components/useTheme';
import { StakeFlowHost } from './flows/StakeFlowDialog';
import { StakeFlowsSection } from './flows/StakeFlowsSection';
import { ActivityPage } from './pages/ActivityPage';
import { LedgerAccountsPage } from './pages/LedgerAccountsPage';
import { PortfolioPage } from './pages/PortfolioPage';
import { ReviewTransactionPage } from './pages/ReviewTransactionPage';
import { SettingsPage } from './pages/SettingsPage';
import { StakeAccountsPage } from './pages/StakeAccountsPage';
import { ValidatorsPage } from './pages/ValidatorsPage';
import { followDiscovery, useAccounts } from './stores/accounts';
import { followDevice, useDevice } from './stores/device';
import { useNavigation, viewTitles, type View } from './stores/navigation';
import { followSettings, useSettings } from './stores/settings';
import { followSigning } from './stores/signing';

function PageFor({ view }: { view: View }) {
  switch (view) {
    case 'portfolio':
      return <PortfolioPage />;
    case 'stake-accounts':
      return (
        <>
          <StakeAccountsPage />
          <StakeFlowsSection />
        </>
      );
    case 'validators':
      return <ValidatorsPage />;
    case 'activity':
      return <ActivityPage />;
    case 'ledger-accounts':
      return <LedgerAccountsPage />;
    case 'review-transaction':
      return <ReviewTransactionPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

export function App() {
  const view = useNavigation((state) => state.view);
  useTheme();

  useEffect(() => {
    if (!hasBridge()) {
      return undefined;
    }
    // Subscribe before loading, so no change between the load and the subscription is lost.
    const stops = [followSettings(), followDevice(), followDiscovery(), followSigning()];
    void useSettings.getState().load();
    void useDevice.getState().load();
    void useAccounts.getState().load();
    return () => stops.forEach((stop) => stop());
  }, []);

  useEffect(() => {
    document.title = `${viewTitles[view]} · Ledger Stake Desk`;
  }, [view]);

  if (!hasBridge()) {
    return (
      <main className="no-bridge" role="alert">
        <h1>The app could not reach its main process</h1>
        <p>Open this page from the app or from the address that `npm run demo` printed.</p>
      </main>
    );
  }

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <NavigationBar />
      <div className="app-body">
        <StatusBar />
        <ErrorList />
        <StakeFlowHost />
        <main id="main-content" className="page" tabIndex={-1} aria-labelledby="page-title">
          <PageFor view={view} />
        </main>
      </div>
    </div>
  );
}
