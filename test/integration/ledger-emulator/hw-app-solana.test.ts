import Solana from '@ledgerhq/hw-app-solana';
import { PublicKey, StakeProgram, SystemProgram, Transaction } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import {
  EmulatorTransport,
  LedgerEmulator,
  OFFCHAIN_SIGNING_DOMAIN,
  verifyEd25519,
  type LedgerEmulatorOptions,
} from '../../support/ledger-emulator';

const PATH = "44'/501'/0'";
const BLOCKHASH = 'EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k';

function setup(options: LedgerEmulatorOptions = {}) {
  const emulator = new LedgerEmulator(options);
  const solana = new Solana(new EmulatorTransport(emulator));
  const signer = new PublicKey(emulator.publicKey(PATH));
  return { emulator, solana, signer };
}

function transferMessage(from: PublicKey, transfers = 1): Buffer {
  const transaction = new Transaction({ feePayer: from, recentBlockhash: BLOCKHASH });
  for (let index = 0; index < transfers; index++) {
    transaction.add(
      SystemProgram.transfer({ fromPubkey: from, toPubkey: PublicKey.default, lamports: 42 }),
    );
  }
  return transaction.serializeMessage();
}

// Errors are matched by name: under vitest, @ledgerhq/errors loads once as ESM for test code
// and once as CommonJS inside hw-transport, so `instanceof` across the two copies fails.
describe('hw-app-solana against the emulator', () => {
  it('reads the app configuration', async () => {
    const { solana } = setup({ settings: { version: '1.9.0', pubkeyDisplay: 'short' } });

    await expect(solana.getAppConfiguration()).resolves.toEqual({
      blindSigningEnabled: false,
      pubKeyDisplayMode: 1,
      version: '1.9.0',
    });
  });

  it('reads the first five bytes of a 7-byte configuration', async () => {
    const { solana } = setup({
      settings: { version: '1.16.0', transactionCheck: { optIn: true, enabled: true } },
    });

    await expect(solana.getAppConfiguration()).resolves.toMatchObject({ version: '1.16.0' });
  });

  it('gets an address without and with display', async () => {
    const { solana, signer } = setup({ person: { kind: 'review-and-approve' } });

    const silent = await solana.getAddress(PATH);
    const shown = await solana.getAddress(PATH, true);

    expect(new PublicKey(silent.address).toBase58()).toBe(
      '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH',
    );
    expect(shown.address.equals(signer.toBuffer())).toBe(true);
  });

  it('signs a single-APDU transaction with a valid signature', async () => {
    const { solana, signer } = setup({ person: { kind: 'review-and-approve' } });
    const message = transferMessage(signer);

    const { signature } = await solana.signTransaction(PATH, message);

    expect(verifyEd25519(signature, message, signer.toBytes())).toBe(true);
  });

  it('signs a chunked transaction (over 255 bytes) with blind signing', async () => {
    const { solana, signer, emulator } = setup({
      settings: { blindSigning: true },
      person: { kind: 'approve' },
    });
    const message = transferMessage(signer, 12);

    const { signature } = await solana.signTransaction(PATH, message);

    expect(message.length).toBeGreaterThan(255);
    expect(emulator.currentRequest).toBeNull();
    expect(verifyEd25519(signature, message, signer.toBytes())).toBe(true);
  });

  it('signs a stake delegation the device shows in clear', async () => {
    const { solana, signer, emulator } = setup();
    const stake = new PublicKey('AH9SphFp84i1yzeNMTZD2cX8MRVJfkpdNLNjn5Cmh6VQ');
    const vote = new PublicKey('26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx');
    const message = new Transaction({ feePayer: signer, recentBlockhash: BLOCKHASH })
      .add(
        StakeProgram.delegate({ stakePubkey: stake, authorizedPubkey: signer, votePubkey: vote }),
      )
      .serializeMessage();
    const started = new Promise<void>((resolve) => {
      emulator.subscribe((event) => {
        if (event.type === 'request-started') {
          resolve();
        }
      });
    });

    const signing = solana.signTransaction(PATH, message);
    await started;
    const request = emulator.currentRequest;
    emulator.approve();
    const { signature } = await signing;

    expect(request?.blindSigning).toBe(false);
    expect(request?.screens[0]).toEqual({
      kind: 'field',
      title: 'Delegate from',
      value: stake.toBase58(),
    });
    expect(verifyEd25519(signature, message, signer.toBytes())).toBe(true);
  });

  it('signs an off-chain message', async () => {
    const { solana, signer } = setup({ person: { kind: 'review-and-approve' } });
    const text = Buffer.from('Prove you own this key');
    const length = Buffer.alloc(2);
    length.writeUInt16LE(text.length, 0);
    const message = Buffer.concat([
      Buffer.from(OFFCHAIN_SIGNING_DOMAIN),
      Buffer.from([0]),
      Buffer.alloc(32),
      Buffer.from([0, 1]),
      signer.toBuffer(),
      length,
      text,
    ]);

    const { signature } = await solana.signOffchainMessage(PATH, message);

    expect(verifyEd25519(signature, message, signer.toBytes())).toBe(true);
  });

  it("reports blind signing required as hw-app-solana's plain error", async () => {
    const { solana, signer } = setup();

    await expect(solana.signTransaction(PATH, transferMessage(signer, 12))).rejects.toThrow(
      'Missing a parameter. Try enabling blind signature in the app',
    );
  });

  it('reports a rejection as TransportStatusError 0x6985', async () => {
    const { solana, signer } = setup({ person: { kind: 'reject' } });

    await expect(solana.signTransaction(PATH, transferMessage(signer))).rejects.toMatchObject({
      name: 'TransportStatusError',
      statusCode: 0x6985,
    });
  });

  it('reports a locked device as LockedDeviceError', async () => {
    const { solana } = setup({ initialStatus: 'locked' });

    await expect(solana.getAppConfiguration()).rejects.toMatchObject({
      name: 'LockedDeviceError',
      statusCode: 0x5515,
    });
  });

  it('reports the dashboard with 0x6E00 and another app with 0x6D00', async () => {
    const dashboard = setup({ initialStatus: 'dashboard' });
    const ethereum = setup();
    ethereum.emulator.openApp('Ethereum');

    await expect(dashboard.solana.getAppConfiguration()).rejects.toMatchObject({
      statusCode: 0x6e00,
    });
    await expect(ethereum.solana.getAppConfiguration()).rejects.toMatchObject({
      statusCode: 0x6d00,
    });
  });

  it('reports an unplug during review as DisconnectedDevice', async () => {
    const { solana, signer } = setup({ person: { kind: 'unplug', atScreen: 0 } });

    await expect(solana.signTransaction(PATH, transferMessage(signer))).rejects.toMatchObject({
      name: 'DisconnectedDevice',
    });
    await expect(solana.getAppConfiguration()).rejects.toMatchObject({
      name: 'DisconnectedDeviceDuringOperation',
    });
  });

  it('returns a corrupted signature when told to, which fails verification', async () => {
    const { solana, signer, emulator } = setup({ person: { kind: 'approve' } });
    emulator.setSignatureFault('flip-bit');
    const message = transferMessage(signer);

    const { signature } = await solana.signTransaction(PATH, message);

    expect(signature).toHaveLength(64);
    expect(verifyEd25519(signature, message, signer.toBytes())).toBe(false);
  });
});
