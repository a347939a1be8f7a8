import { useState } from 'react';

import type { EndpointCheck, EndpointWarning } from '../../../../shared/contract/chain';
import { clusterIdSchema, type ClusterId } from '../../../../shared/domain/chain';
import {
  ENDPOINT_CREDENTIALS_MESSAGE,
  hasUrlCredentials,
  newEndpointUrlSchema,
} from '../../../../shared/domain/settings';
import { errorText, isWalletError } from '../../../../shared/errors';
import { call } from '../../bridge/wallet';
import { useErrors } from '../../stores/errors';
import { useSettings } from '../../stores/settings';
import { clusterLabels } from './cluster-labels';
import './chain.css';

/** Result of a test, or the reason it failed, shown beside the tested URL. */
type TestOutcome =
  | { kind: 'running' }
  | { kind: 'passed'; check: EndpointCheck }
  | { kind: 'failed'; title: string; nextStep: string };

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Mirrors the main process's rule: plain HTTP is fine only to this machine. */
function isInsecureUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && !loopbackHosts.has(parsed.hostname);
  } catch {
    return false;
  }
}

function describeEndpointWarning(warning: EndpointWarning): string {
  switch (warning.kind) {
    case 'insecure-http':
      return 'Plain HTTP to another machine: anyone on the network path can change the balances and transactions the app sees. Use https:// if the provider offers it.';
    case 'other-cluster':
      return `This endpoint serves ${clusterLabels[warning.actual]}, not ${clusterLabels[warning.expected]}.`;
  }
}

function toFailure(error: unknown): TestOutcome {
  if (isWalletError(error)) {
    return {
      kind: 'failed',
      title: errorText[error.code].title,
      nextStep: errorText[error.code].nextStep,
    };
  }
  return { kind: 'failed', title: errorText.INTERNAL.title, nextStep: errorText.INTERNAL.nextStep };
}

/** Settings section for the cluster and the RPC endpoints of each cluster. */
export function NetworkSettings() {
  const settings = useSettings((state) => state.settings);
  const [editedCluster, setEditedCluster] = useState<ClusterId | null>(null);
  const [newUrl, setNewUrl] = useState('');
  const [tests, setTests] = useState<Record<string, TestOutcome>>({});
  const [problem, setProblem] = useState<string | null>(null);

  if (settings === undefined) {
    return null;
  }
  const cluster = editedCluster ?? settings.cluster;
  const urls = settings.endpoints[cluster];
  const newUrlValid = newEndpointUrlSchema.safeParse(newUrl.trim()).success;
  const newUrlDuplicate = urls.includes(newUrl.trim());

  const chooseCluster = async (next: ClusterId) => {
    setProblem(null);
    try {
      await call('setCluster', { cluster: next });
      setEditedCluster(null);
    } catch (error) {
      if (isWalletError(error) && error.code === 'RPC_ENDPOINT_INVALID') {
        setEditedCluster(next);
        setProblem(
          `${clusterLabels[next]} has no endpoint yet. Add one below, then choose it again.`,
        );
        return;
      }
      useErrors.getState().show(error);
    }
  };

  const saveEndpoints = async (next: string[]) => {
    setProblem(null);
    try {
      await call('setEndpoints', { cluster, urls: next });
    } catch (error) {
      useErrors.getState().show(error);
    }
  };

  const test = async (url: string) => {
    setTests((current) => ({ ...current, [url]: { kind: 'running' } }));
    let outcome: TestOutcome;
    try {
      outcome = { kind: 'passed', check: await call('testEndpoint', { url, cluster }) };
    } catch (error) {
      outcome = toFailure(error);
    }
    setTests((current) => ({ ...current, [url]: outcome }));
  };

  const move = (index: number, offset: -1 | 1) => {
    const next = [...urls];
    const [moved] = next.splice(index, 1);
    if (moved !== undefined) {
      next.splice(index + offset, 0, moved);
      void saveEndpoints(next);
    }
  };

  const add = () => {
    const url = newUrl.trim();
    if (!newUrlValid || urls.includes(url)) {
      return;
    }
    void saveEndpoints([...urls, url]).then(() => setNewUrl(''));
  };

  return (
    <section className="card network-settings" aria-labelledby="network-heading">
      <h2 id="network-heading">Network</h2>
      <label className="field">
        Cluster
        <select
          value={settings.cluster}
          onChange={(event) => void chooseCluster(clusterIdSchema.parse(event.target.value))}
        >
          {clusterIdSchema.options.map((id) => (
            <option key={id} value={id}>
              {clusterLabels[id]}
            </option>
          ))}
        </select>
      </label>
      {problem !== null && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}

      <label className="field">
        Endpoints of
        <select
          value={cluster}
          onChange={(event) => setEditedCluster(clusterIdSchema.parse(event.target.value))}
        >
          {clusterIdSchema.options.map((id) => (
            <option key={id} value={id}>
              {clusterLabels[id]}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">Tried in this order; a request moves to the next one when one fails.</p>
      <ol className="endpoint-list" aria-label={`Endpoints of ${clusterLabels[cluster]}`}>
        {urls.map((url, index) => (
          <li key={url}>
            <span className="mono endpoint-url">{url}</span>
            {isInsecureUrl(url) && <span className="badge">Plain HTTP</span>}
            <span className="button-row">
              <button
                type="button"
                onClick={() => move(index, -1)}
                disabled={index === 0}
                aria-label={`Move ${url} up`}
              >
                Up
              </button>
              <button
                type="button"
                onClick={() => move(index, 1)}
                disabled={index === urls.length - 1}
                aria-label={`Move ${url} down`}
              >
                Down
              </button>
              <button type="button" onClick={() => void test(url)} aria-label={`Test ${url}`}>
                Test
              </button>
              <button
                type="button"
                onClick={() => void saveEndpoints(urls.filter((entry) => entry !== url))}
                aria-label={`Remove ${url}`}
              >
                Remove
              </button>
            </span>
            <TestResult outcome={tests[url]} />
          </li>
        ))}
      </ol>
      {urls.length === 0 && (
        <p className="empty-state">
          {cluster === 'custom'
            ? 'No endpoint yet.'
            : 'No endpoint set: the built-in ones are used.'}
        </p>
      )}

      <form
        className="add-endpoint"
        aria-label="Add an endpoint"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label className="field">
          New endpoint URL
          <input
            type="url"
            value={newUrl}
            placeholder="https://"
            onChange={(event) => setNewUrl(event.target.value)}
            aria-invalid={newUrl.trim() !== '' && !newUrlValid}
          />
        </label>
        <button type="button" onClick={() => void test(newUrl.trim())} disabled={!newUrlValid}>
          Test new endpoint
        </button>
        <button type="submit" className="primary" disabled={!newUrlValid || newUrlDuplicate}>
          Add endpoint
        </button>
        {newUrl.trim() !== '' && !newUrlValid && (
          <p className="hint">
            {hasUrlCredentials(newUrl.trim())
              ? ENDPOINT_CREDENTIALS_MESSAGE
              : 'Enter a full http:// or https:// address.'}
          </p>
        )}
        {newUrlValid && newUrlDuplicate && (
          <p className="hint">This endpoint is already in the list.</p>
        )}
        {newUrlValid && isInsecureUrl(newUrl.trim()) && (
          <p className="notice">{describeEndpointWarning({ kind: 'insecure-http' })}</p>
        )}
        <TestResult outcome={tests[newUrl.trim()]} />
      </form>
      <button type="button" onClick={() => void saveEndpoints([])} disabled={cluster === 'custom'}>
        Restore built-in endpoints
      </button>
    </section>
  );
}

function TestResult({ outcome }: { outcome: TestOutcome | undefined }) {
  if (outcome === undefined) {
    return null;
  }
  switch (outcome.kind) {
    case 'running':
      return (
        <p className="test-result" role="status">
          Testing…
        </p>
      );
    case 'failed':
      return (
        <p className="test-result notice" role="status">
          Test failed: {outcome.title}. {outcome.nextStep}
        </p>
      );
    case 'passed': {
      const { check } = outcome;
      const served =
        check.knownCluster === null
          ? 'an unknown or local cluster'
          : clusterLabels[check.knownCluster];
      return (
        <div className="test-result" role="status">
          <p>
            Answered in {check.latencyMs} ms: Solana {check.version}, slot{' '}
            {check.slot.toLocaleString('en-US')}, serves {served}.
          </p>
          {check.warnings.map((warning) => (
            <p key={warning.kind} className="notice">
              {describeEndpointWarning(warning)}
            </p>
          ))}
        </div>
      );
    }
  }
}
