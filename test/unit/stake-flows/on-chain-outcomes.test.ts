import { describe, expect, it } from 'vitest';

import type { SendOutcome } from '../../../src/shared/contract/stake';
import { countOnChainOutcomes } from '../../../src/renderer/src/flows/on-chain-outcomes';
import type { DraftProgress } from '../../../src/renderer/src/stores/stake-flow';

const DRAFT_ID = '5b0c1f0e-8d3c-4e1a-9a55-2f6d3c7b9e10';
const SIGNATURE =
  '4tz5oP2HCtBoZJAkgD9h1nrFr6MLyiTJdrvyemhMsJrnG12zwJSciuqH7BB3UDdmxKfd7t71633wvB53pyf9Bjfn';

const outcomes: Record<SendOutcome['outcome'], SendOutcome> = {
  landed: {
    outcome: 'landed',
    draftId: DRAFT_ID,
    signature: SIGNATURE,
    slot: 400,
    confirmationStatus: 'confirmed',
    explorerUrl: null,
  },
  expired: {
    outcome: 'expired',
    draftId: DRAFT_ID,
    signature: SIGNATURE,
    blockHeight: 376,
    lastValidBlockHeight: 375,
  },
  failed: {
    outcome: 'failed',
    draftId: DRAFT_ID,
    signature: SIGNATURE,
    slot: 400,
    error: {
      code: 'STAKE_TRANSACTION_FAILED',
      message: 'The transaction failed on chain.',
      context: {
        signature: SIGNATURE,
        slot: 400,
        title: 'Insufficient funds',
        detail: 'custom program error: 0x1',
        errorName: 'InstructionError',
      },
    },
    explorerUrl: null,
  },
};

function progress(outcome: SendOutcome | null): DraftProgress {
  return {
    stage: outcome === null ? 'prepared' : 'confirmed',
    outcome,
    error: null,
    unsent: false,
  };
}

describe('countOnChainOutcomes', () => {
  it('counts nothing before any draft is sent', () => {
    expect(countOnChainOutcomes({})).toBe(0);
    expect(countOnChainOutcomes({ only: progress(null) })).toBe(0);
  });

  it('counts landed and failed transactions', () => {
    expect(countOnChainOutcomes({ only: progress(outcomes.landed) })).toBe(1);
    expect(countOnChainOutcomes({ only: progress(outcomes.failed) })).toBe(1);
  });

  it('leaves out expired transactions', () => {
    expect(countOnChainOutcomes({ only: progress(outcomes.expired) })).toBe(0);
  });

  it('counts each draft of a batch', () => {
    const batch = {
      first: progress(outcomes.landed),
      second: progress(outcomes.expired),
      third: progress(outcomes.landed),
      fourth: progress(null),
    };
    expect(countOnChainOutcomes(batch)).toBe(2);
  });
});
