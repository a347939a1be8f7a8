import { describe, expect, it } from 'vitest';

import { decodeValidatorInfo } from '../../../src/main/chain/decode/validatorInfo';
import { VALIDATOR_INFO_KEY } from '../../../src/main/chain/programIds';
import { testKey } from './support/stakeAccountBytes';

const identity = testKey(9);

/** ConfigKeys (compact-u16 count, then key and signer flag) followed by a bincode string. */
function encodeConfigAccount(
  keys: { key: Uint8Array; signer: boolean }[],
  info: string,
): Uint8Array {
  const text = new TextEncoder().encode(info);
  const bytes = new Uint8Array(1 + keys.length * 33 + 8 + text.length);
  bytes[0] = keys.length;
  keys.forEach((entry, index) => {
    bytes.set(entry.key, 1 + index * 33);
    bytes[1 + index * 33 + 32] = entry.signer ? 1 : 0;
  });
  const lengthOffset = 1 + keys.length * 33;
  new DataView(bytes.buffer).setBigUint64(lengthOffset, BigInt(text.length), true);
  bytes.set(text, lengthOffset + 8);
  return bytes;
}

const infoKeys = [
  { key: VALIDATOR_INFO_KEY.toBytes(), signer: false },
  { key: identity.toBytes(), signer: true },
];

describe('decodeValidatorInfo', () => {
  it('reads the identity and fields', () => {
    const data = encodeConfigAccount(
      infoKeys,
      JSON.stringify({
        name: ' Example Validator ',
        website: 'example.com',
        details: 'Runs in two regions',
        iconUrl: 'https://example.com/icon.png',
        keybaseUsername: 'example',
      }),
    );

    expect(decodeValidatorInfo(data, 'Info')).toEqual({
      identity: identity.toBase58(),
      name: 'Example Validator',
      website: 'https://example.com/',
      details: 'Runs in two regions',
      iconUrl: 'https://example.com/icon.png',
      keybaseUsername: 'example',
    });
  });

  it('drops URLs that are not http or https', () => {
    const data = encodeConfigAccount(
      infoKeys,
      JSON.stringify({ website: 'javascript:alert(1)', iconUrl: 'file:///etc/passwd' }),
    );

    const info = decodeValidatorInfo(data, 'Info');

    expect(info?.website).toBeNull();
    expect(info?.iconUrl).toBeNull();
  });

  it('returns null for other config accounts', () => {
    const data = encodeConfigAccount([{ key: identity.toBytes(), signer: true }], '{}');

    expect(decodeValidatorInfo(data, 'Info')).toBeNull();
  });

  it('rejects invalid JSON', () => {
    expect(() => decodeValidatorInfo(encodeConfigAccount(infoKeys, '{name'), 'Info')).toThrow(
      /not valid JSON/,
    );
  });

  it('rejects info without a signing identity', () => {
    const keys = [infoKeys[0]!, { key: identity.toBytes(), signer: false }];

    expect(() => decodeValidatorInfo(encodeConfigAccount(keys, '{}'), 'Info')).toThrow(
      /no signing identity/,
    );
  });

  it('rejects truncated data', () => {
    const data = encodeConfigAccount(infoKeys, '{"name":"x"}');

    expect(() => decodeValidatorInfo(data.subarray(0, data.length - 3), 'Info')).toThrow(
      /info string/,
    );
  });
});
