import { Keypair } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';

import { addressProblem, base58ByteLength } from '../../../src/renderer/src/flows/address-text';

describe('base58ByteLength', () => {
  it('counts bytes of real public keys', () => {
    for (let index = 0; index < 20; index += 1) {
      const address = Keypair.generate().publicKey.toBase58();
      expect(base58ByteLength(address)).toBe(32);
    }
  });

  it('counts leading ones as zero bytes', () => {
    expect(base58ByteLength('11111111111111111111111111111111')).toBe(32);
    expect(base58ByteLength('1112')).toBe(4);
  });

  it('rejects characters outside base58', () => {
    for (const text of ['0abc', 'Oabc', 'Iabc', 'labc', 'ab cd', 'ab-cd']) {
      expect(base58ByteLength(text)).toBeNull();
    }
  });
});

describe('addressProblem', () => {
  it('accepts a valid address', () => {
    expect(addressProblem('To', Keypair.generate().publicKey.toBase58())).toBeNull();
  });

  it('names field and value of a short word', () => {
    const problem = addressProblem('To', 'notanaddress');
    expect(problem).toContain('To:');
    expect(problem).toContain('"notanaddress"');
    expect(problem).toContain('32 bytes');
  });

  it('rejects 43 characters of 31 bytes', () => {
    const text = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTK';
    expect(text).toHaveLength(43);
    expect(addressProblem('To', text)).toContain('decodes to 31 bytes');
  });

  it('names characters outside base58', () => {
    expect(addressProblem('New authority address', 'O0Il')).toContain('not base58');
  });
});
