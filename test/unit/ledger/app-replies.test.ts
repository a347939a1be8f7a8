import { describe, expect, it } from 'vitest';

import { parseAppAndVersion, parseAppConfiguration } from '../../../src/main/ledger/app-replies';
import { WalletError } from '../../../src/shared/errors';
import {
  appAndVersionReply,
  SOLANA_APP_AND_VERSION_REPLY,
} from '../../support/ledger-replay/recordings';

/** Strips the 2-byte status word from a hex reply. */
function replyData(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.slice(0, -4), 'hex'));
}

describe('parseAppConfiguration', () => {
  it('reads the 5-byte reply of app 1.0.6', () => {
    expect(parseAppConfiguration(Uint8Array.from([0, 0, 1, 0, 6]))).toEqual({
      blindSigningEnabled: false,
      pubkeyDisplay: 'long',
      version: '1.0.6',
    });
  });

  it('ignores the transaction-check bytes of a 7-byte reply', () => {
    expect(parseAppConfiguration(Uint8Array.from([1, 1, 1, 16, 0, 1, 1]))).toEqual({
      blindSigningEnabled: true,
      pubkeyDisplay: 'short',
      version: '1.16.0',
    });
  });

  it('reads the real-device reply with blind signing on', () => {
    expect(parseAppConfiguration(replyData('0100e600019000'))).toEqual({
      blindSigningEnabled: true,
      pubkeyDisplay: 'long',
      version: '230.0.1',
    });
  });

  it('reports an unknown pubkey display value as unknown', () => {
    expect(parseAppConfiguration(Uint8Array.from([0, 7, 1, 9, 0])).pubkeyDisplay).toBe('unknown');
  });

  it('rejects a reply shorter than 5 bytes', () => {
    expect(() => parseAppConfiguration(Uint8Array.from([0, 0, 1, 0]))).toThrow(WalletError);
  });
});

describe('parseAppAndVersion', () => {
  it('reads the Solana app from the real-device capture', () => {
    const parsed = parseAppAndVersion(replyData(SOLANA_APP_AND_VERSION_REPLY));

    expect(parsed.name).toBe('Solana');
    expect(parsed.version).toBe('2022.0.1');
    expect([...parsed.flags]).toEqual([0x02]);
  });

  it('reads the dashboard', () => {
    const parsed = parseAppAndVersion(replyData(appAndVersionReply('BOLOS', '2.2.3')));

    expect(parsed).toMatchObject({ name: 'BOLOS', version: '2.2.3' });
  });

  it('reads another app', () => {
    const parsed = parseAppAndVersion(replyData(appAndVersionReply('Ethereum', '1.12.0')));

    expect(parsed).toMatchObject({ name: 'Ethereum', version: '1.12.0' });
  });

  it('accepts a reply without flags', () => {
    const data = Uint8Array.from([1, 5, ...Buffer.from('BOLOS'), 3, ...Buffer.from('1.6')]);

    expect(parseAppAndVersion(data)).toMatchObject({ name: 'BOLOS', version: '1.6' });
  });

  it('rejects an unknown format byte', () => {
    const data = Uint8Array.from([2, 5, ...Buffer.from('BOLOS'), 0]);

    expect(() => parseAppAndVersion(data)).toThrow(/format byte 2/);
  });

  it('rejects a name longer than the reply', () => {
    const data = Uint8Array.from([1, 9, ...Buffer.from('Sol')]);

    expect(() => parseAppAndVersion(data)).toThrow(WalletError);
  });
});
