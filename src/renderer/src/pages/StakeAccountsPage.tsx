import { useMemo } from 'react';

import { DataFreshness } from '../components/chain/DataFreshness';
import { StakeAccountTable } from '../components/chain/StakeAccountTable';
import { usePortfolioPage, useValidatorsPage } from '../components/chain/useChainPage';
import { PageHeader } from '../components/PageHeader';
import { usePortfolio } from '../stores/portfolio';
import { useValidators } from '../stores/validators';
import '../components/chain/chain.css';

export function StakeAccountsPage() {
  usePortfolioPage();
  // Validator names come from the validator list, saved or read in the background.
  useValidatorsPage();
  const state = usePortfolio((store) => store.state);
  const refreshing = usePortfolio((store) => store.refreshing);
  const refresh = usePortfolio((store) => store.refresh);
  const validators = useValidators((store) => store.state?.snapshot ?? null);
  const snapshot = state?.snapshot ?? null;

  const validatorNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const view of validators?.validators ?? []) {
      if (view.name !== null) {
        names.set(view.votePubkey, view.name);
      }
    }
    return names;
  }, [validators]);

  return (
    <>
      <PageHeader title="Stake accounts" />
      <DataFreshness
        subject="stake accounts"
        meta={snapshot?.meta ?? null}
        refreshing={refreshing || state?.refreshing === true}
        lastRefresh={state?.lastRefresh}
        warnings={snapshot?.warnings ?? []}
        onRefresh={() => void refresh()}
      />
      {state === undefined && <p className="empty-state">Loading the saved stake accounts…</p>}
      {snapshot !== null && (
        <StakeAccountTable snapshot={snapshot} validatorNames={validatorNames} />
      )}
    </>
  );
}
