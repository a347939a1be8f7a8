import { describe, expect, it } from 'vitest';
import {
  LedgerEmulator,
  OFFCHAIN_SIGNING_DOMAIN,
  StatusWord,
  fieldsOf,
  verifyEd25519,
} from '../../support/ledger-emulator';
import { apdu, pathBytes, statusOf } from './apdu-helpers';

const PATH = "44'/501'/0'";
const encoder = new TextEncoder();

/** Off-chain message with the header of app 1.8 and later (version 0, empty domain). */
function offchainMessage(signers: Uint8Array[], text: Uint8Array, format = 0): Uint8Array {
  const length = Buffer.alloc(2);
  length.writeUInt16LE(text.length, 0);
  return Uint8Array.from([
    ...OFFCHAIN_SIGNING_DOMAIN,
    0,
    ...new Uint8Array(32),
    format,
    signers.length,
    ...signers.flatMap((signer) => [...signer]),
    ...length,
    ...text,
  ]);
}

function signOffchainApdu(message: Uint8Array, p1 = 1): Uint8Array {
  return apdu(0x07, p1, 0, [1, ...pathBytes(PATH), ...message]);
}

describe('SIGN_OFFCHAIN_MESSAGE from 1.8', () => {
  it('shows ASCII text and signs the whole message', async () => {
    const emulator = new LedgerEmulator({ person: { kind: 'wait' } });
    const message = offchainMessage([emulator.publicKey(PATH)], encoder.encode('Hello Ledger'));

    const pending = emulator.exchange(signOffchainApdu(message));
    const fields = fieldsOf(emulator.currentRequest?.screens ?? []);
    emulator.approve();
    const response = await pending;

    expect(fields).toEqual([['Message', 'Hello Ledger']]);
    expect(verifyEd25519(response.slice(0, 64), message, emulator.publicKey(PATH))).toBe(true);
  });

  it('refuses a message whose signer list lacks the device key (0x6A81)', async () => {
    const emulator = new LedgerEmulator();
    const message = offchainMessage([emulator.publicKey("44'/501'/1'")], encoder.encode('Hi'));

    expect(await statusOf(emulator, signOffchainApdu(message))).toBe(0x6a81);
  });

  it('refuses a length that does not match the text (0x6A81)', async () => {
    const emulator = new LedgerEmulator();
    const message = offchainMessage([emulator.publicKey(PATH)], encoder.encode('Hi'));

    expect(await statusOf(emulator, signOffchainApdu(message.slice(0, -1)))).toBe(0x6a81);
  });

  it('refuses the short pre-1.8 header (0x6A81)', async () => {
    const emulator = new LedgerEmulator({ settings: { version: '1.9.0' } });
    const shortHeader = Uint8Array.from([...OFFCHAIN_SIGNING_DOMAIN, 0, 0, 2, 0, 0x48, 0x69]);

    expect(await statusOf(emulator, signOffchainApdu(shortHeader))).toBe(0x6a81);
  });

  it('needs blind signing for UTF-8 text (0x6808) and shows its hash when on', async () => {
    const text = encoder.encode('Grüße');
    const off = new LedgerEmulator();
    const on = new LedgerEmulator({ settings: { blindSigning: true } });

    const refused = await statusOf(
      off,
      signOffchainApdu(offchainMessage([off.publicKey(PATH)], text, 1)),
    );
    const pending = on.exchange(signOffchainApdu(offchainMessage([on.publicKey(PATH)], text, 1)));
    const request = on.currentRequest;
    on.reject();
    await pending;

    expect(refused).toBe(StatusWord.NOT_SUPPORTED);
    expect(request?.blindSigning).toBe(true);
    expect(fieldsOf(request?.screens ?? [])[0]?.[0]).toBe('Hash');
  });

  it('refuses UTF-8 text declared as ASCII and bytes that are not UTF-8 (0x6A82)', async () => {
    const emulator = new LedgerEmulator({ settings: { blindSigning: true } });
    const key = emulator.publicKey(PATH);

    const declaredAscii = await statusOf(
      emulator,
      signOffchainApdu(offchainMessage([key], encoder.encode('Grüße'), 0)),
    );
    const notUtf8 = await statusOf(
      emulator,
      signOffchainApdu(offchainMessage([key], Uint8Array.of(0xff, 0xfe), 1)),
    );

    expect(declaredAscii).toBe(0x6a82);
    expect(notUtf8).toBe(0x6a82);
  });

  it('refuses P1 = 0 (0x6808)', async () => {
    const emulator = new LedgerEmulator();
    const message = offchainMessage([emulator.publicKey(PATH)], encoder.encode('Hi'));

    expect(await statusOf(emulator, signOffchainApdu(message, 0))).toBe(0x6808);
  });

  it('lists the header fields in expert mode', async () => {
    const emulator = new LedgerEmulator({ settings: { expertMode: true } });
    const message = offchainMessage([emulator.publicKey(PATH)], encoder.encode('Hi'));

    const pending = emulator.exchange(signOffchainApdu(message));
    const titles = fieldsOf(emulator.currentRequest?.screens ?? []).map(([title]) => title);
    emulator.reject();

    expect(toStatus(await pending)).toBe(0x6985);
    expect(titles).toEqual([
      'Signer',
      'Application',
      'Version',
      'Format',
      'Size',
      'Hash',
      'Message',
    ]);
  });
});

function toStatus(response: Uint8Array): number {
  return Buffer.from(response).readUInt16BE(response.length - 2);
}
