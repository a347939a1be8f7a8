import { PublicKey } from '@solana/web3.js';
import { afterEach, describe, expect, it } from 'vitest';

import type { EmulatorFraming } from '../../support/emulated-ledger/emulator-provider';
import type { RequestKind } from '../../support/ledger-emulator';
import { startEmulatorHarness, type EmulatorHarness } from './emulator-harness';
import { transferMessage } from './messages';

const PATH = "44'/501'/0'";
const framings: EmulatorFraming[] = ['apdu', 'hid'];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

describe.each(framings)('LedgerService prompts over %s framing', (framing) => {
  let harness: EmulatorHarness;

  afterEach(() => {
    harness.stop();
  });

  function promptShown(kind: RequestKind): Promise<void> {
    return new Promise((resolve) => {
      const unsubscribe = harness.emulator.subscribe((event) => {
        if (event.type === 'request-started' && event.request.kind === kind) {
          unsubscribe();
          resolve();
        }
      });
    });
  }

  /** Starts a signing, waits for its prompt on the device, then stops waiting for it. */
  async function abandonSigning(): Promise<{ signer: string; message: Uint8Array }> {
    const key = harness.emulator.publicKey(PATH);
    const signer = new PublicKey(key).toBase58();
    const message = transferMessage(key, harness.emulator.publicKey("44'/501'/1'"));
    const controller = new AbortController();
    const shown = promptShown('sign-transaction');

    const signing = harness.service.signMessage({
      path: PATH,
      message,
      expectedSigner: signer,
      signal: controller.signal,
    });
    await shown;
    controller.abort();
    await expect(signing).rejects.toMatchObject({ code: 'CANCELLED' });
    return { signer, message };
  }

  it('rejects requests while a prompt is left open', async () => {
    harness = startEmulatorHarness({ framing });
    await abandonSigning();
    const requestsBefore = harness.emulator.currentRequest;

    await expect(harness.service.getAccount('bip44', 0)).rejects.toMatchObject({
      code: 'LEDGER_PROMPT_PENDING',
      context: { operation: 'sign-message' },
    });
    await expect(harness.service.verifyAddress(PATH)).rejects.toMatchObject({
      code: 'LEDGER_PROMPT_PENDING',
    });
    await expect(harness.service.refreshState()).rejects.toMatchObject({
      code: 'LEDGER_PROMPT_PENDING',
    });
    expect(harness.service.getState()).toEqual({
      status: 'awaiting-person',
      operation: 'sign-message',
    });
    // The device still shows the same prompt: nothing new reached it.
    expect(harness.emulator.currentRequest).toBe(requestsBefore);
  });

  it('recovers once the abandoned prompt is rejected', async () => {
    harness = startEmulatorHarness({ framing });
    const { signer, message } = await abandonSigning();

    harness.emulator.reject();
    await harness.waitForState((state) => state.status === 'solana-app');

    harness.emulator.person.enqueue({ kind: 'approve' });
    await expect(
      harness.service.signMessage({ path: PATH, message, expectedSigner: signer }),
    ).resolves.toMatchObject({ signer });
  });

  it('discards the signature of an abandoned prompt', async () => {
    harness = startEmulatorHarness({ framing });
    const { signer, message } = await abandonSigning();

    harness.emulator.approve();
    await harness.waitForState((state) => state.status === 'solana-app');

    expect(harness.signing.map((progress) => progress.stage)).not.toContain('signed');
    await expect(harness.service.getAccount('bip44', 0)).resolves.toMatchObject({
      address: signer,
    });
    harness.emulator.person.enqueue({ kind: 'reject' });
    await expect(
      harness.service.signMessage({ path: PATH, message, expectedSigner: signer }),
    ).rejects.toMatchObject({ code: 'LEDGER_REJECTED' });
  });

  it('rejects a verification behind an abandoned one', async () => {
    harness = startEmulatorHarness({ framing });
    const controller = new AbortController();
    const shown = promptShown('get-address');
    const verifying = harness.service.verifyAddress(PATH, { signal: controller.signal });
    await shown;
    controller.abort();
    await expect(verifying).rejects.toMatchObject({ code: 'CANCELLED' });

    await expect(harness.service.verifyAddress("44'/501'/1'")).rejects.toMatchObject({
      code: 'LEDGER_PROMPT_PENDING',
      context: { operation: 'verify-address' },
    });

    // Approving the old prompt confirms only the old address, and the next one starts afresh.
    harness.emulator.approve();
    await harness.waitForState((state) => state.status === 'solana-app');
    harness.emulator.person.enqueue({ kind: 'reject' });
    await expect(harness.service.verifyAddress("44'/501'/1'")).resolves.toBe(false);
  });

  it('forgets the abandoned prompt when the device is unplugged', async () => {
    harness = startEmulatorHarness({ framing }, {}, { detachGraceMs: 60_000 });
    await abandonSigning();

    harness.emulator.unplug();
    harness.emulator.plug();
    harness.emulator.unlock();
    harness.emulator.openApp('Solana');

    await expect(harness.service.getAccount('bip44', 0)).resolves.toMatchObject({
      path: PATH,
    });
  });

  it('reports a lock during verification with the step to repeat', async () => {
    harness = startEmulatorHarness({ framing });
    const shown = promptShown('get-address');
    const verifying = harness.service.verifyAddress(PATH);
    await shown;

    harness.emulator.lock();

    const error = await verifying.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({
      code: 'LEDGER_LOCKED',
      context: { operation: 'verify-address', statusWord: '0x5515' },
    });
    expect(messageOf(error)).toContain('Unlock it, then verify the address again');
    expect(harness.service.getState()).toEqual({ status: 'locked' });

    harness.emulator.unlock();
    harness.emulator.person.enqueue({ kind: 'approve' });
    await expect(harness.service.verifyAddress(PATH)).resolves.toBe(true);
  });

  it('reports a lock during signing with the step to repeat', async () => {
    harness = startEmulatorHarness({ framing });
    const key = harness.emulator.publicKey(PATH);
    const shown = promptShown('sign-transaction');
    const signing = harness.service.signMessage({
      path: PATH,
      message: transferMessage(key, harness.emulator.publicKey("44'/501'/1'")),
      expectedSigner: new PublicKey(key).toBase58(),
    });
    await shown;

    harness.emulator.lock();

    const error = await signing.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ code: 'LEDGER_LOCKED', context: { operation: 'sign-message' } });
    expect(messageOf(error)).toContain('Nothing was signed');
  });
});
