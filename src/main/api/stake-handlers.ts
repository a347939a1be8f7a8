import type { stakeMethods } from '../../shared/contract/stake';
import type { Services } from '../compose';
import type { HandlersOf } from './handlers';
import { StakeParametersService } from './offline/stake-parameters-service';
import { StakeFlowService } from './stake/stake-flow-service';

type StakeHandlers = HandlersOf<typeof stakeMethods>;

/** Starts the stake flow service on the app's services; its events go to the event bus. */
export function createStakeFlowService(
  services: Pick<Services, 'bus' | 'store' | 'settings' | 'ledger' | 'chainHub' | 'logger'>,
): StakeFlowService {
  const { bus, store } = services;
  return new StakeFlowService({
    ledger: services.ledger,
    chains: services.chainHub,
    accounts: store.accounts,
    pending: store.pending,
    audit: store.audit,
    settings: services.settings,
    events: {
      progress: (payload) => bus.emit('stakeFlowProgress', payload),
      validity: (payload) => bus.emit('stakeFlowValidity', payload),
    },
    logger: services.logger.child({ subsystem: 'stake-flow' }),
    stakeParameters: new StakeParametersService({
      snapshots: store.snapshots,
      logger: services.logger.child({ subsystem: 'stake-parameters' }),
    }),
  });
}

/**
 * Binds the stake flow methods of the contract: prepare each operation, sign and send a
 * draft, cancel it, rebuild it after it expired, and the amount and merge helpers.
 */
export function createStakeHandlers(flows: StakeFlowService): StakeHandlers {
  return {
    getMaxStakeable: (input, { signal }) => flows.getMaxStakeable(input, signal),
    getMergeOptions: (input, { signal }) => flows.getMergeOptions(input, signal),

    prepareCreateStake: (input, { signal }) =>
      flows.prepare({ operation: 'createStake', input }, signal),
    prepareDelegate: (input, { signal }) => flows.prepare({ operation: 'delegate', input }, signal),
    prepareDeactivate: (input, { signal }) =>
      flows.prepare({ operation: 'deactivate', input }, signal),
    prepareWithdraw: (input, { signal }) => flows.prepare({ operation: 'withdraw', input }, signal),
    prepareSplit: (input, { signal }) => flows.prepare({ operation: 'split', input }, signal),
    prepareMerge: (input, { signal }) => flows.prepare({ operation: 'merge', input }, signal),
    prepareAuthorize: (input, { signal }) =>
      flows.prepare({ operation: 'authorize', input }, signal),
    prepareRedelegate: (input, { signal }) =>
      flows.prepare({ operation: 'redelegate', input }, signal),
    prepareStakeAcrossValidators: (input, { signal }) =>
      flows.prepareBatch({ operation: 'stakeAcrossValidators', input }, signal),
    prepareWithdrawMany: (input, { signal }) =>
      flows.prepareBatch({ operation: 'withdrawMany', input }, signal),

    signAndSend: ({ draftId }, { signal }) => flows.signAndSend(draftId, signal),
    cancelStakeFlow: ({ draftId }) => Promise.resolve({ cancelled: flows.cancel(draftId) }),
    rebuildExpired: ({ draftId }, { signal }) => flows.rebuildExpired(draftId, signal),
  };
}
