import { SystemProgram } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import { LedgerEmulator, StatusWord, toHex } from '../../support/ledger-emulator';
import { apdu, pathBytes, statusOf } from './apdu-helpers';
import { messageOf, otherKey, signer } from './review-helpers';

const SIGN = 0x06;
const OFFCHAIN = 0x07;
const MORE = 0x02;
const EXTEND = 0x01;
const SIGNER_PATH = pathBytes("44'/501'/0'");

function transferMessage(): number[] {
  return [
    ...messageOf([
      SystemProgram.transfer({ fromPubkey: signer, toPubkey: otherKey, lamports: 42 }),
    ]),
  ];
}

describe('APDU header checks', () => {
  const emulator = () => new LedgerEmulator();

  it('answers a wrong CLA with 0x6A81', async () => {
    expect(await statusOf(emulator(), Uint8Array.from([0xe1, 0x04, 0, 0, 0]))).toBe(0x6a81);
  });

  it('answers an unknown INS with 0x6D00', async () => {
    expect(await statusOf(emulator(), apdu(0x42, 0, 0))).toBe(0x6d00);
  });

  it('answers an empty APDU with 0x6982', async () => {
    expect(await statusOf(emulator(), new Uint8Array())).toBe(0x6982);
  });

  it('answers a length mismatch with 0x6A83', async () => {
    expect(await statusOf(emulator(), Uint8Array.from([0xe0, 0x05, 0, 0, 4, 1]))).toBe(0x6a83);
  });

  it('answers an APDU over 260 bytes with 0x6A83', async () => {
    const oversized = Uint8Array.from([0xe0, SIGN, 1, 0, 0xff, ...new Uint8Array(256)]);

    expect(await statusOf(emulator(), oversized)).toBe(0x6a83);
  });
});

describe('GET_PUBKEY path rules', () => {
  it.each([
    ["44'/501'", true],
    ["44'/501'/0'/0'/0'", true],
  ])('derives %s', async (path) => {
    const emulator = new LedgerEmulator();

    const response = await emulator.exchange(apdu(0x05, 0, 0, pathBytes(path)));

    expect(toHex(response)).toBe(`${toHex(emulator.publicKey(path))}9000`);
  });

  it('refuses 0 or more than 5 elements with 0x6A80', async () => {
    const emulator = new LedgerEmulator();

    expect(await statusOf(emulator, apdu(0x05, 0, 0, [0]))).toBe(0x6a80);
    expect(
      await statusOf(emulator, apdu(0x05, 0, 0, [6, ...new Array<number>(24).fill(0x80)])),
    ).toBe(0x6a80);
  });

  it('refuses a truncated path with 0x6A83', async () => {
    expect(await statusOf(new LedgerEmulator(), apdu(0x05, 0, 0, [2, 0x80, 0, 0, 44]))).toBe(
      0x6a83,
    );
  });

  it("leaves paths outside 44'/501' to the OS up to 1.9 (0x6801)", async () => {
    const emulator = new LedgerEmulator({ settings: { version: '1.9.0' } });

    expect(await statusOf(emulator, apdu(0x05, 0, 0, pathBytes("44'/60'/0'")))).toBe(0x6801);
    expect(await statusOf(emulator, apdu(0x05, 0, 0, pathBytes("44'/501'/0")))).toBe(0x6801);
  });

  it("refuses paths outside 44'/501' itself in the newer line (0x6A84)", async () => {
    const emulator = new LedgerEmulator({ settings: { version: '1.16.0' } });

    expect(await statusOf(emulator, apdu(0x05, 0, 0, pathBytes("44'/60'/0'")))).toBe(0x6a84);
  });

  it('answers the deprecated pubkey request with the same key', async () => {
    const emulator = new LedgerEmulator();
    const data = pathBytes("44'/501'/0'");

    const response = await emulator.exchange(
      Uint8Array.from([0xe0, 0x02, 0, 0, 0, data.length, ...data]),
    );

    expect(toHex(response)).toBe(`${toHex(emulator.publicKey("44'/501'/0'"))}9000`);
  });
});

describe('sign chunk state machine', () => {
  it('answers intermediate chunks with an empty 0x9000 and signs the whole message', async () => {
    const emulator = new LedgerEmulator({ person: { kind: 'approve' } });
    const payload = [1, ...SIGNER_PATH, ...transferMessage()];

    const first = await emulator.exchange(apdu(SIGN, 1, MORE, payload.slice(0, 100)));
    const middle = await emulator.exchange(apdu(SIGN, 1, MORE | EXTEND, payload.slice(100, 150)));
    const last = await emulator.exchange(apdu(SIGN, 1, EXTEND, payload.slice(150)));

    expect(toHex(first)).toBe('9000');
    expect(toHex(middle)).toBe('9000');
    expect(last).toHaveLength(66);
  });

  it('accepts a first chunk that holds only the signer count and path', async () => {
    const emulator = new LedgerEmulator({ person: { kind: 'approve' } });

    const first = await emulator.exchange(apdu(SIGN, 1, MORE, [1, ...SIGNER_PATH]));
    const last = await emulator.exchange(apdu(SIGN, 1, EXTEND, transferMessage()));

    expect(toHex(first)).toBe('9000');
    expect(last).toHaveLength(66);
  });

  it('refuses a continuation with nothing in progress (0x6A80)', async () => {
    expect(await statusOf(new LedgerEmulator(), apdu(SIGN, 1, EXTEND, [1, 2, 3]))).toBe(0x6a80);
  });

  it('refuses a continuation of another instruction and drops the buffer', async () => {
    const emulator = new LedgerEmulator();
    await emulator.exchange(apdu(SIGN, 1, MORE, [1, ...SIGNER_PATH]));

    const mismatch = await statusOf(emulator, apdu(OFFCHAIN, 1, EXTEND, [1, 2, 3]));
    const afterDrop = await statusOf(emulator, apdu(SIGN, 1, EXTEND, transferMessage()));

    expect(mismatch).toBe(0x6a80);
    expect(afterDrop).toBe(0x6a80);
  });

  it('refuses a continuation whose P1 differs (0x6A80)', async () => {
    const emulator = new LedgerEmulator();
    await emulator.exchange(apdu(SIGN, 1, MORE, [1, ...SIGNER_PATH]));

    expect(await statusOf(emulator, apdu(SIGN, 0, EXTEND, transferMessage()))).toBe(0x6a80);
  });

  it('drops a half-received command when a configuration request arrives', async () => {
    const emulator = new LedgerEmulator();
    await emulator.exchange(apdu(SIGN, 1, MORE, [1, ...SIGNER_PATH]));

    const config = await statusOf(emulator, apdu(0x04, 0, 0));
    const continuation = await statusOf(emulator, apdu(SIGN, 1, EXTEND, transferMessage()));

    expect(config).toBe(0x9000);
    expect(continuation).toBe(0x6a80);
  });

  it('refuses a signer count other than 1 (0x6A80)', async () => {
    expect(await statusOf(new LedgerEmulator(), apdu(SIGN, 1, 0, [2, ...SIGNER_PATH]))).toBe(
      0x6a80,
    );
  });

  it('refuses an empty first chunk (0x6A83)', async () => {
    expect(await statusOf(new LedgerEmulator(), apdu(SIGN, 1, 0))).toBe(0x6a83);
  });

  it('refuses an empty continuation (0x6A83)', async () => {
    const emulator = new LedgerEmulator();
    await emulator.exchange(apdu(SIGN, 1, MORE, [1, ...SIGNER_PATH]));

    expect(await statusOf(emulator, apdu(SIGN, 1, EXTEND))).toBe(0x6a83);
  });

  it('refuses a message that is not a Solana message (0x6A80)', async () => {
    expect(await statusOf(new LedgerEmulator(), apdu(SIGN, 1, 0, [1, ...SIGNER_PATH]))).toBe(
      0x6a80,
    );
  });

  it('refuses a signer that is not a required signer (0x6A81)', async () => {
    const payload = [1, ...pathBytes("44'/501'/5'"), ...transferMessage()];

    expect(await statusOf(new LedgerEmulator(), apdu(SIGN, 1, 0, payload))).toBe(0x6a81);
  });

  it('refuses P1 = 0 after parsing the message (0x6808)', async () => {
    const payload = [1, ...SIGNER_PATH, ...transferMessage()];

    expect(await statusOf(new LedgerEmulator(), apdu(SIGN, 0, 0, payload))).toBe(
      StatusWord.NOT_SUPPORTED,
    );
  });

  it('signs through the deprecated instruction with its u16 length prefix', async () => {
    const emulator = new LedgerEmulator({ person: { kind: 'approve' } });
    const message = transferMessage();
    const data = [...SIGNER_PATH, message.length >> 8, message.length & 0xff, ...message];

    const response = await emulator.exchange(
      Uint8Array.from([0xe0, 0x03, 1, 0, data.length >> 8, data.length & 0xff, ...data]),
    );

    expect(response).toHaveLength(66);
  });

  async function sendInChunks(emulator: LedgerEmulator, size: number): Promise<number> {
    const payload = [1, ...SIGNER_PATH, ...new Array<number>(size).fill(0)];
    let status = 0;
    for (let offset = 0; offset < payload.length; offset += 255) {
      const more = offset + 255 < payload.length ? MORE : 0;
      const extend = offset > 0 ? EXTEND : 0;
      status = await statusOf(
        emulator,
        apdu(SIGN, 1, more | extend, payload.slice(offset, offset + 255)),
      );
      if (status !== 0x9000) {
        return status;
      }
    }
    return status;
  }

  it('holds messages below 1280 bytes up to 1.8 and refuses more (0x6A83)', async () => {
    const fits = await sendInChunks(new LedgerEmulator({ settings: { version: '1.8.0' } }), 1279);
    const overflows = await sendInChunks(
      new LedgerEmulator({ settings: { version: '1.8.0' } }),
      1280,
    );

    expect(fits).toBe(0x6a81);
    expect(overflows).toBe(0x6a83);
  });

  it('holds messages below 15 360 bytes from 1.9', async () => {
    const fits = await sendInChunks(new LedgerEmulator({ settings: { version: '1.9.0' } }), 15_359);
    const overflows = await sendInChunks(
      new LedgerEmulator({ settings: { version: '1.9.0' } }),
      15_360,
    );

    expect(fits).toBe(0x6a81);
    expect(overflows).toBe(0x6a83);
  });
});

describe('GET_APP_CONFIGURATION', () => {
  it('returns 5 bytes: blind signing, pubkey display, version', async () => {
    const emulator = new LedgerEmulator({
      settings: { blindSigning: true, pubkeyDisplay: 'short', version: '1.9.2' },
    });

    expect(toHex(await emulator.exchange(apdu(0x04, 0, 0)))).toBe('01010109029000');
  });

  it('appends the transaction-check flags on builds that have them', async () => {
    const emulator = new LedgerEmulator({
      settings: { version: '1.16.0', transactionCheck: { optIn: true, enabled: false } },
    });

    expect(toHex(await emulator.exchange(apdu(0x04, 0, 0)))).toBe('000001100001009000');
  });

  it('answers the deprecated request the same way', async () => {
    const emulator = new LedgerEmulator();

    expect(toHex(await emulator.exchange(Uint8Array.from([0xe0, 0x01, 0, 0, 0, 0])))).toBe(
      '00000109009000',
    );
  });
});
