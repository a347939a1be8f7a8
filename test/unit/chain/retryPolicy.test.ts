import { describe, expect, it } from 'vitest';

import {
  computeBackoffDelayMs,
  defaultRetryPolicy,
  parseRetryAfterMs,
} from '../../../src/main/chain/rpc/retryPolicy';

describe('parseRetryAfterMs', () => {
  it('reads delay seconds', () => {
    expect(parseRetryAfterMs('3', 0)).toBe(3_000);
  });

  it('reads an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

    expect(parseRetryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', now)).toBe(5_000);
  });

  it('floors past dates at zero', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:10 GMT');

    expect(parseRetryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', now)).toBe(0);
  });

  it('returns null for missing or unreadable values', () => {
    expect(parseRetryAfterMs(null, 0)).toBeNull();
    expect(parseRetryAfterMs('soon', 0)).toBeNull();
  });
});

describe('computeBackoffDelayMs', () => {
  const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 500 };

  it('doubles the ceiling per retry', () => {
    expect(computeBackoffDelayMs(1, policy, () => 0.999)).toBe(99);
    expect(computeBackoffDelayMs(2, policy, () => 0.999)).toBe(199);
    expect(computeBackoffDelayMs(3, policy, () => 0.999)).toBe(399);
  });

  it('caps the ceiling at maxDelayMs', () => {
    expect(computeBackoffDelayMs(10, policy, () => 0.999)).toBe(499);
  });

  it('draws the delay from the random source', () => {
    expect(computeBackoffDelayMs(1, policy, () => 0)).toBe(0);
  });
});
