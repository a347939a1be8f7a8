import { describe, expect, it } from 'vitest';

import { readTransactionFile } from '../../../src/renderer/src/components/offline/file-reading';
import { MAX_TRANSACTION_FILE_BYTES } from '../../../src/shared/contract/offline';

describe('transaction file reading', () => {
  it('rejects an empty file', async () => {
    const read = await readTransactionFile(new File([], 'empty.json'));
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toMatch(/^empty\.json is empty\. Choose the \.json file/);
  });

  it('rejects a whitespace-only file', async () => {
    const read = await readTransactionFile(new File([' \n\t'], 'blank.json'));
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain('blank.json is empty');
  });

  it('rejects an oversized file', async () => {
    const big = new File(['x'.repeat(MAX_TRANSACTION_FILE_BYTES + 1)], 'big.json');
    const read = await readTransactionFile(big);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(`at most ${MAX_TRANSACTION_FILE_BYTES}`);
  });

  it('returns the text of a file', async () => {
    const read = await readTransactionFile(new File(['{"version":1}'], 'tx.json'));
    expect(read).toEqual({ ok: true, content: '{"version":1}' });
  });
});
