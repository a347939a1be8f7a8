import { derivationSchemeSchema } from '../../../../shared/domain/ledger';
import { useAccounts, type DiscoveryView } from '../../stores/accounts';
import { schemeLabels } from './format';
import { BalancesUnavailable } from './BalancesUnavailable';
import { InlineError } from './InlineError';

function progressText(discovery: DiscoveryView): string {
  const counts = `Checked ${discovery.accountsChecked} accounts, found ${discovery.accountsFound}`;
  if (discovery.running) {
    return discovery.lastPath === null
      ? 'Starting the search…'
      : `${counts}. Checking ${discovery.lastPath}…`;
  }
  switch (discovery.outcome) {
    case 'completed':
      return `${counts}. Search complete.`;
    case 'cancelled':
      return `${counts}. Search cancelled; the accounts found so far are saved.`;
    case 'failed':
      return `${counts}. Search stopped by an error.`;
    case null:
      return counts;
  }
}

/** Renders the account search on the Ledger, with progress per derivation scheme. */
export function ConnectPanel() {
  const discovery = useAccounts((state) => state.discovery);
  const hasAccounts = useAccounts((state) => state.accounts.length > 0);
  const discover = useAccounts((state) => state.discover);
  const cancel = useAccounts((state) => state.cancelDiscovery);
  const started = discovery.running || discovery.outcome !== null;

  return (
    <section className="card" aria-labelledby="connect-heading">
      <h2 id="connect-heading">Connect your Ledger</h2>
      <p>
        Unlock the Ledger and open the Solana app. The search reads addresses from the device under
        all three derivation paths that Solana wallets use, so accounts made with another wallet are
        found too. Nothing is signed.
      </p>

      <div className="button-row">
        {discovery.running ? (
          <button type="button" onClick={() => void cancel()}>
            Cancel search
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void discover()}>
            {hasAccounts ? 'Search for accounts again' : 'Connect Ledger'}
          </button>
        )}
      </div>

      {started && (
        <div className="discovery-progress">
          <p role="status" aria-label="Account search">
            {progressText(discovery)}
          </p>
          {discovery.running && <progress aria-label="Searching for accounts" />}
          <table className="scheme-table">
            <caption>Accounts per derivation path</caption>
            <thead>
              <tr>
                <th scope="col">Derivation path</th>
                <th scope="col">Checked</th>
                <th scope="col">Found</th>
              </tr>
            </thead>
            <tbody>
              {derivationSchemeSchema.options.map((scheme) => (
                <tr key={scheme}>
                  <th scope="row">{schemeLabels[scheme]}</th>
                  <td>{discovery.perScheme[scheme].checked}</td>
                  <td>{discovery.perScheme[scheme].found}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {discovery.activityKnown === false && <BalancesUnavailable />}
          {discovery.error !== null && <InlineError error={discovery.error} />}
        </div>
      )}
    </section>
  );
}
