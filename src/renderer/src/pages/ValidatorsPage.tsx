import { DataFreshness } from '../components/chain/DataFreshness';
import { useValidatorsPage } from '../components/chain/useChainPage';
import { ValidatorTable } from '../components/chain/ValidatorTable';
import { PageHeader } from '../components/PageHeader';
import { useValidators } from '../stores/validators';
import '../components/chain/chain.css';

export function ValidatorsPage() {
  useValidatorsPage();
  const state = useValidators((store) => store.state);
  const refreshing = useValidators((store) => store.refreshing);
  const refresh = useValidators((store) => store.refresh);
  const snapshot = state?.snapshot ?? null;

  return (
    <>
      <PageHeader title="Validators" />
      <DataFreshness
        subject="validator list"
        meta={snapshot?.meta ?? null}
        refreshing={refreshing || state?.refreshing === true}
        lastRefresh={state?.lastRefresh}
        warnings={snapshot?.warnings ?? []}
        onRefresh={() => void refresh()}
      />
      {state === undefined && <p className="empty-state">Loading the saved validator list…</p>}
      {snapshot !== null && <ValidatorTable snapshot={snapshot} />}
    </>
  );
}
