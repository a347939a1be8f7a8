import { ed25519 } from '@noble/curves/ed25519.js';
import { PublicKey } from '@solana/web3.js';
import { afterEach, describe, expect, it } from 'vitest';

import { startEmulatorHarness, type EmulatorHarness } from './emulator-harness';
import type { EmulatorFraming } from '../../support/emulated-ledger/emulator-provider';
import { priorityStakeMessage, transferMessage } from './messages';

const PATH = "44'/501'/0'";
const framings: EmulatorFraming[] = ['apdu', 'hid'];

describe.each(framings)('LedgerService signing over %s framing', (framing) => {
  let harness: EmulatorHarness;

  afterEach(() => {
    harness.stop();
  });

  function signerOf(path: string): { key: Uint8Array; address: string } {
    const key = harness.emulator.publicKey(path);
    return { key, address: new PublicKey(key).toBase58() };
  }

  it('signs a transfer the person approves', async () => {
    harness = startEmulatorHarness({ framing }, { person: { kind: 'review-and-approve' } });
    const signer = signerOf(PATH);
    const message = transferMessage(signer.key, harness.emulator.publicKey("44'/501'/1'"));

    const signed = await harness.service.signMessage({
      path: PATH,
      message,
      expectedSigner: signer.address,
    });

    expect(ed25519.verify(signed.signature, message, signer.key)).toBe(true);
    expect(harness.signing.map((progress) => progress.stage)).toEqual([
      'requested',
      'awaiting-person',
      'signed',
    ]);
  });

  it('reports a rejected transaction', async () => {
    harness = startEmulatorHarness({ framing }, { person: { kind: 'review-and-reject' } });
    const signer = signerOf(PATH);

    const signing = harness.service.signMessage({
      path: PATH,
      message: transferMessage(signer.key, harness.emulator.publicKey("44'/501'/1'")),
      expectedSigner: signer.address,
    });

    await expect(signing).rejects.toMatchObject({
      code: 'LEDGER_REJECTED',
      context: { operation: 'sign-message' },
    });
  });

  it('needs blind signing for five instructions on 1.9', async () => {
    harness = startEmulatorHarness({ framing }, { person: { kind: 'approve' } });
    const signer = signerOf(PATH);
    const message = await priorityStakeMessage(signer.key);

    const blocked = harness.service.signMessage({
      path: PATH,
      message,
      expectedSigner: signer.address,
    });
    await expect(blocked).rejects.toMatchObject({ code: 'LEDGER_BLIND_SIGNING_REQUIRED' });

    harness.emulator.setSettings({ blindSigning: true });
    const signed = await harness.service.signMessage({
      path: PATH,
      message,
      expectedSigner: signer.address,
    });
    expect(ed25519.verify(signed.signature, message, signer.key)).toBe(true);
  });

  it('refuses a corrupted signature', async () => {
    harness = startEmulatorHarness({ framing }, { person: { kind: 'approve' } });
    harness.emulator.setSignatureFault('flip-bit');
    const signer = signerOf(PATH);

    const signing = harness.service.signMessage({
      path: PATH,
      message: transferMessage(signer.key, harness.emulator.publicKey("44'/501'/1'")),
      expectedSigner: signer.address,
    });

    await expect(signing).rejects.toMatchObject({ code: 'LEDGER_BAD_SIGNATURE' });
    expect(harness.signing.map((progress) => progress.stage)).not.toContain('signed');
  });

  it('fails when unplugged during the review', async () => {
    harness = startEmulatorHarness(
      { framing },
      { person: { kind: 'unplug', atScreen: 1 } },
      { detachGraceMs: 60_000 },
    );
    const signer = signerOf(PATH);

    const signing = harness.service.signMessage({
      path: PATH,
      message: transferMessage(signer.key, harness.emulator.publicKey("44'/501'/1'")),
      expectedSigner: signer.address,
    });

    await expect(signing).rejects.toMatchObject({ code: 'LEDGER_DISCONNECTED' });
  });

  it('reports a locked device, then recovers', async () => {
    harness = startEmulatorHarness(
      { framing },
      { initialStatus: 'locked', person: { kind: 'approve' } },
    );
    const signer = signerOf(PATH);
    const message = transferMessage(signer.key, harness.emulator.publicKey("44'/501'/1'"));

    await expect(
      harness.service.signMessage({ path: PATH, message, expectedSigner: signer.address }),
    ).rejects.toMatchObject({ code: 'LEDGER_LOCKED' });
    expect(harness.service.getState()).toEqual({ status: 'locked' });

    harness.emulator.unlock();
    harness.emulator.openApp('Solana');
    await expect(harness.service.refreshState()).resolves.toMatchObject({ status: 'solana-app' });
    await expect(
      harness.service.signMessage({ path: PATH, message, expectedSigner: signer.address }),
    ).resolves.toMatchObject({ signer: signer.address });
  });

  it('names another open app', async () => {
    harness = startEmulatorHarness({ framing });
    await harness.waitForState((state) => state.status === 'solana-app');
    harness.emulator.quitApp();
    harness.emulator.openApp('Ethereum');
    const signer = signerOf(PATH);

    const signing = harness.service.signMessage({
      path: PATH,
      message: transferMessage(signer.key, harness.emulator.publicKey("44'/501'/1'")),
      expectedSigner: signer.address,
    });

    await expect(signing).rejects.toMatchObject({
      code: 'LEDGER_WRONG_APP',
      context: { appName: 'Ethereum' },
    });
    expect(harness.service.getState()).toEqual({ status: 'other-app', name: 'Ethereum' });
  });

  it('reports the dashboard as app not open', async () => {
    harness = startEmulatorHarness({ framing }, { initialStatus: 'dashboard' });

    await expect(harness.service.getAccount('bip44', 0)).rejects.toMatchObject({
      code: 'LEDGER_APP_NOT_OPEN',
    });
    expect(harness.service.getState()).toEqual({ status: 'dashboard' });
  });

  it('cancels a pending review on abort', async () => {
    harness = startEmulatorHarness({ framing }, { person: { kind: 'wait' } });
    const signer = signerOf(PATH);
    const controller = new AbortController();
    const reviewShown = new Promise<void>((resolve) => {
      harness.emulator.subscribe((event) => {
        if (event.type === 'request-started' && event.request.kind === 'sign-transaction') {
          resolve();
        }
      });
    });

    const signing = harness.service.signMessage({
      path: PATH,
      message: transferMessage(signer.key, harness.emulator.publicKey("44'/501'/1'")),
      expectedSigner: signer.address,
      signal: controller.signal,
    });
    await reviewShown;
    controller.abort();

    await expect(signing).rejects.toMatchObject({ code: 'CANCELLED' });
    // The device still shows the abandoned review until the person dismisses it.
    harness.emulator.reject();
    await harness.waitForState((state) => state.status === 'solana-app');
    await expect(harness.service.getAccount('bip44', 0)).resolves.toMatchObject({
      address: signer.address,
    });
  });

  it('rejects a signer the device does not hold', async () => {
    harness = startEmulatorHarness({ framing }, { person: { kind: 'approve' } });
    const signer = signerOf(PATH);
    const stranger = signerOf("44'/501'/1'");

    const signing = harness.service.signMessage({
      path: PATH,
      message: transferMessage(stranger.key, signer.key),
      expectedSigner: stranger.address,
    });

    await expect(signing).rejects.toMatchObject({
      code: 'LEDGER_ACCOUNT_MISMATCH',
      context: { expected: stranger.address, actual: signer.address },
    });
    expect(harness.emulator.currentRequest).toBeNull();
  });
});
