import { PublicKey, SystemProgram, Transaction } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DemoApp } from '../../support/demo/start-demo-app';
import {
  deviceClient,
  errorOf,
  outcomeOf,
  postControl,
  startPanelDemo,
  stateOf,
  waitForPendingRequest,
} from './panel-harness';

const PATH = "44'/501'/0'";
const ADDRESS = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';
const BLOCKHASH = 'EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k';

let demo: DemoApp;

beforeEach(async () => {
  demo = await startPanelDemo();
});

afterEach(async () => {
  await demo.close();
});

function transferMessage(): Buffer {
  const from = new PublicKey(ADDRESS);
  const transaction = new Transaction({ feePayer: from, recentBlockhash: BLOCKHASH });
  transaction.add(
    SystemProgram.transfer({ fromPubkey: from, toPubkey: PublicKey.default, lamports: 42 }),
  );
  return transaction.serializeMessage();
}

/** Starts a request on the device and returns its settled result and the request id. */
async function startRequest<T>(call: (client: ReturnType<typeof deviceClient>) => Promise<T>) {
  const result = outcomeOf(call(deviceClient(demo)));
  await waitForPendingRequest(demo);
  return { result, requestId: demo.emulator.currentRequest?.id ?? 0 };
}

function startAddressCheck() {
  return startRequest((client) => client.getAddress(PATH, true));
}

function startTransactionReview() {
  return startRequest((client) => client.signTransaction(PATH, transferMessage()));
}

const refusedByPerson = { ok: false, error: { statusCode: 0x6985 } };

describe('device panel request controls', () => {
  it('approves an address verification', async () => {
    const { result, requestId } = await startAddressCheck();

    const response = await postControl(demo, 'approve', { requestId });

    expect(response.status).toBe(200);
    const outcome = await result;
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(new PublicKey(outcome.value.address).toBase58()).toBe(ADDRESS);
    }
    expect(stateOf(response).request).toBeNull();
    expect(stateOf(response).lastSettled).toEqual({
      id: requestId,
      kind: 'get-address',
      outcome: 'approved',
    });
  });

  it('rejects a transaction review', async () => {
    const { result, requestId } = await startTransactionReview();

    const response = await postControl(demo, 'reject', { requestId });

    expect(response.status).toBe(200);
    expect(await result).toMatchObject(refusedByPerson);
    expect(stateOf(response).lastSettled?.outcome).toBe('rejected');
  });

  it('steps through the screens', async () => {
    const { result, requestId } = await startTransactionReview();

    const forward = await postControl(demo, 'next', { requestId });
    const back = await postControl(demo, 'previous', { requestId });
    const forwardAgain = await postControl(demo, 'next', { requestId });

    expect(stateOf(forward).request?.screenIndex).toBe(1);
    expect(stateOf(back).request?.screenIndex).toBe(0);
    expect(demo.emulator.currentRequest?.screenIndex).toBe(1);
    expect(stateOf(forwardAgain).request?.screens[0]).toEqual({
      kind: 'field',
      title: 'Transfer',
      value: '0.000000042 SOL',
    });
    await postControl(demo, 'approve', { requestId });
    const signed = await result;
    expect(signed.ok).toBe(true);
    expect(signed.ok ? signed.value.signature.length : 0).toBe(64);
  });

  it('refuses a request id that is not the pending one', async () => {
    const { result, requestId } = await startAddressCheck();

    const stale = await postControl(demo, 'approve', { requestId: requestId + 1 });

    expect(stale.status).toBe(409);
    expect(errorOf(stale)).toContain(`request ${requestId} is shown now`);
    expect(demo.emulator.currentRequest?.id).toBe(requestId);
    await postControl(demo, 'reject', { requestId });
    expect(await result).toMatchObject(refusedByPerson);
  });

  it('refuses Approve when no request is pending', async () => {
    const response = await postControl(demo, 'approve', { requestId: 1 });

    expect(response.status).toBe(409);
    expect(errorOf(response)).toContain('no longer pending');
  });

  it('ends a pending request when the device locks', async () => {
    const { result, requestId } = await startAddressCheck();
    await postControl(demo, 'lock');

    expect(await result).toMatchObject({ ok: false, error: { statusCode: 0x5515 } });
    const response = await postControl(demo, 'approve', { requestId });
    expect(response.status).toBe(409);
    expect(errorOf(response)).toContain('no longer pending');

    await postControl(demo, 'unlock');
    const again = await startAddressCheck();
    await postControl(demo, 'approve', { requestId: again.requestId });
    const verified = await again.result;
    expect(verified.ok).toBe(true);
    expect(verified.ok ? verified.value.address.length : 0).toBe(32);
  });
});

describe('device panel device controls', () => {
  it('locks and unlocks the device', async () => {
    const locked = await postControl(demo, 'lock');
    expect(locked.status).toBe(200);
    expect(demo.emulator.status).toEqual({ kind: 'locked' });
    expect(stateOf(locked).device).toEqual({ kind: 'locked' });

    const unlocked = await postControl(demo, 'unlock');
    expect(unlocked.status).toBe(200);
    expect(demo.emulator.status).toMatchObject({ kind: 'app', name: 'Solana' });
  });

  it('unplugs and plugs the device back in', async () => {
    const unplugged = await postControl(demo, 'unplug');
    expect(unplugged.status).toBe(200);
    expect(demo.emulator.status).toEqual({ kind: 'unplugged' });

    const again = await postControl(demo, 'unplug');
    expect(again.status).toBe(409);
    const lock = await postControl(demo, 'lock');
    expect(lock.status).toBe(409);
    expect(errorOf(lock)).toContain('unplugged');

    const plugged = await postControl(demo, 'plug');
    expect(plugged.status).toBe(200);
    // A device powers up locked, on the dashboard.
    expect(demo.emulator.status).toEqual({ kind: 'locked' });
    expect((await postControl(demo, 'plug')).status).toBe(409);
  });

  it('cancels a pending request when unplugged', async () => {
    const { result } = await startAddressCheck();

    const response = await postControl(demo, 'unplug');

    expect(response.status).toBe(200);
    expect(await result).toMatchObject({ ok: false, error: { name: 'DisconnectedDevice' } });
    expect(stateOf(response).lastSettled?.outcome).toBe('unplugged');
  });

  it('quits to the dashboard and opens apps', async () => {
    const quit = await postControl(demo, 'quit-app');
    expect(quit.status).toBe(200);
    expect(demo.emulator.status).toEqual({ kind: 'dashboard' });

    const other = await postControl(demo, 'open-app', { name: 'Ethereum' });
    expect(other.status).toBe(200);
    expect(demo.emulator.status).toMatchObject({ kind: 'app', name: 'Ethereum' });

    await postControl(demo, 'quit-app');
    const solana = await postControl(demo, 'open-app', { name: 'Solana' });
    expect(solana.status).toBe(200);
    expect(demo.emulator.status).toEqual({ kind: 'app', name: 'Solana', version: '1.9.0' });
  });

  it('refuses to open an app that is not installed', async () => {
    const response = await postControl(demo, 'open-app', { name: 'Monero' });

    expect(response.status).toBe(409);
    expect(errorOf(response)).toContain('not installed');
    expect(demo.emulator.status).toMatchObject({ kind: 'app', name: 'Solana' });
  });

  it('refuses to quit the app while a request is pending', async () => {
    const { result, requestId } = await startAddressCheck();

    const response = await postControl(demo, 'quit-app');

    expect(response.status).toBe(409);
    expect(errorOf(response)).toContain('waiting for the person');
    await postControl(demo, 'reject', { requestId });
    expect(await result).toMatchObject(refusedByPerson);
  });
});

describe('device panel settings', () => {
  it('turns blind signing on and off', async () => {
    const on = await postControl(demo, 'settings', { blindSigning: true });
    expect(on.status).toBe(200);
    expect(demo.emulator.settings.blindSigning).toBe(true);
    await expect(deviceClient(demo).getAppConfiguration()).resolves.toMatchObject({
      blindSigningEnabled: true,
    });

    await postControl(demo, 'settings', { blindSigning: false });
    expect(demo.emulator.settings.blindSigning).toBe(false);
  });

  it('changes the app version the device reports', async () => {
    const response = await postControl(demo, 'settings', { version: '1.16.0' });

    expect(response.status).toBe(200);
    expect(stateOf(response).device).toEqual({ kind: 'app', name: 'Solana', version: '1.16.0' });
    await expect(deviceClient(demo).getAppConfiguration()).resolves.toMatchObject({
      version: '1.16.0',
    });
  });

  it('changes expert mode and the public key display', async () => {
    const response = await postControl(demo, 'settings', {
      expertMode: true,
      pubkeyDisplay: 'short',
    });

    expect(response.status).toBe(200);
    expect(demo.emulator.settings).toMatchObject({ expertMode: true, pubkeyDisplay: 'short' });
    await expect(deviceClient(demo).getAppConfiguration()).resolves.toMatchObject({
      pubKeyDisplayMode: 1,
    });
  });
});
