import { useEffect } from 'react';

import { hasBridge } from '../../bridge/wallet';
import { followEpochs, followPortfolio, usePortfolio } from '../../stores/portfolio';
import { useSettings } from '../../stores/settings';
import { followValidatorEpochs, followValidators, useValidators } from '../../stores/validators';

/** Cluster and endpoints as one value, so a change of either reloads the page's data. */
function useClusterKey(): string {
  return useSettings((state) =>
    state.settings === undefined
      ? ''
      : JSON.stringify([state.settings.cluster, state.settings.endpoints[state.settings.cluster]]),
  );
}

/**
 * Follows portfolio events and epoch changes while the page is open, and loads the portfolio
 * of the cluster.
 */
export function usePortfolioPage(): void {
  const clusterKey = useClusterKey();
  useEffect(() => {
    if (!hasBridge()) {
      return undefined;
    }
    const stopEvents = followPortfolio();
    const stopEpochs = followEpochs();
    void usePortfolio.getState().open();
    return () => {
      stopEvents();
      stopEpochs();
    };
  }, [clusterKey]);
}

/**
 * Follows validator events and epoch changes while the page is open, and loads the list of
 * the cluster.
 */
export function useValidatorsPage(): void {
  const clusterKey = useClusterKey();
  useEffect(() => {
    if (!hasBridge()) {
      return undefined;
    }
    const stopEvents = followValidators();
    const stopEpochs = followValidatorEpochs();
    void useValidators.getState().open();
    return () => {
      stopEvents();
      stopEpochs();
    };
  }, [clusterKey]);
}
