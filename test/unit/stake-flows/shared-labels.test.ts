import { describe, expect, it } from 'vitest';

import { distinguishSharedLabels } from '../../../src/main/api/stake/operations/text';

const FIRST = '7Y6kVcMXXKMDLHDuzKk9YJbiPaD5vu3cWD1YdSq6sPky';
const SECOND = '2yKCqL7T3ZpVRLwXQpvkq3JBqVQ2jT2nB6DSq3XfWcy4';
const THIRD = '6khrsnfkMpLrccPTVhgKWV7CpgWG3yPZqPrm1Nhq7sys';

describe('distinguishSharedLabels', () => {
  it('adds short addresses to shared labels', () => {
    const labels = distinguishSharedLabels(
      new Map([
        [FIRST, 'Your stake account'],
        [SECOND, 'Your stake account'],
      ]),
    );
    expect(labels.get(FIRST)).toBe('Your stake account 7Y6k…sPky');
    expect(labels.get(SECOND)).toBe('Your stake account 2yKC…Wcy4');
  });

  it('keeps a label used once', () => {
    const labels = distinguishSharedLabels(
      new Map([
        [FIRST, 'Your stake account'],
        [SECOND, 'Your stake account'],
        [THIRD, 'New stake account'],
      ]),
    );
    expect(labels.get(THIRD)).toBe('New stake account');
  });
});
