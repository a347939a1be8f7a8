import { describe, expect, it } from 'vitest';

import { describeChainCheck } from '../../../src/shared/text/chain-check-text';
import type { ChainCheck } from '../../../src/shared/contract/ledger';

const NONCE_ACCOUNT = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';

describe('describeChainCheck', () => {
  it('allows signing after a passing check', () => {
    const text = describeChainCheck({ outcome: 'ok', slot: 812, unitsConsumed: 150 });

    expect(text.signable).toBe(true);
    expect(text.tone).toBe('ok');
    expect(text.title).toContain('slot 812');
    expect(text.details).toEqual(['It used 150 compute units.']);
  });

  it('names the failed instruction', () => {
    const text = describeChainCheck({
      outcome: 'failed',
      slot: 90,
      title: 'Not enough SOL',
      detail: 'The account holds less than the transfer.',
      errorName: 'ResultWithNegativeLamports',
      instructionIndex: 1,
      logs: [],
    });

    expect(text.signable).toBe(false);
    expect(text.tone).toBe('blocked');
    expect(text.title).toContain('slot 90');
    expect(text.title).toContain('Not enough SOL');
    expect(text.details).toContain('The account holds less than the transfer.');
    expect(text.details).toContain('Runtime error: ResultWithNegativeLamports, in instruction 2.');
  });

  it('names the expired blockhash', () => {
    const text = describeChainCheck({ outcome: 'expired', slot: 400, blockhash: 'Hash111' });

    expect(text.signable).toBe(false);
    expect(text.title).toContain('Hash111');
    expect(text.title).toContain('slot 400');
  });

  it('names the current nonce value', () => {
    const moved: ChainCheck = {
      outcome: 'nonceMoved',
      slot: 7,
      nonceAccount: NONCE_ACCOUNT,
      messageNonce: 'OldNonce',
      currentNonce: 'NewNonce',
    };

    const text = describeChainCheck(moved);

    expect(text.signable).toBe(false);
    expect(text.details[0]).toContain('NewNonce');
    expect(text.details[0]).toContain('OldNonce');
    expect(describeChainCheck({ ...moved, currentNonce: null }).details[0]).toContain(
      'is missing or is not a nonce account',
    );
  });

  it('allows signing when not checked', () => {
    const text = describeChainCheck({
      outcome: 'notChecked',
      reason: 'unreachable',
      detail: 'No endpoint of the cluster could be reached.',
    });

    expect(text.signable).toBe(true);
    expect(text.tone).toBe('unchecked');
    expect(text.title).toContain('may fail when it is sent');
    expect(text.details).toContain('No endpoint of the cluster could be reached.');
  });
});
