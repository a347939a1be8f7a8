import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  APP_AND_VERSION_REQUEST,
  OK,
  SPECULOS_ADDRESSES,
  SPECULOS_KEYS,
  appAndVersionReply,
  getPubkeyRequest,
  messageFromSignRequests,
  recordedCase,
  solanaStateSteps,
} from '../../support/ledger-replay/recordings';
import { ReplayTransport, type ReplayStep } from '../../support/ledger-replay/replay-transport';
import {
  deferred,
  startReplayService,
  type ReplayHarness,
} from '../../support/ledger-replay/start-replay-service';

const ROOT = "44'/501'";
const signExchanges = recordedCase("signTransaction 44'/501': legacy");
const message = messageFromSignRequests(signExchanges.map((exchange) => exchange.request));
const signRequest = signExchanges[0]?.request ?? '';
const recordedSignature = signExchanges[0]?.response ?? '';
const rootPubkeyStep: ReplayStep = {
  request: getPubkeyRequest(ROOT),
  response: SPECULOS_KEYS[ROOT] + OK,
};
const signerAddress = SPECULOS_ADDRESSES[ROOT];
const otherKeyAddress = SPECULOS_ADDRESSES["44'/501'/1'"];

let harness: ReplayHarness;

beforeEach(() => {
  vi.useFakeTimers();
  harness = startReplayService({ exchangeTimeoutMs: 10_000, detachGraceMs: 3_000 });
});

afterEach(() => {
  harness.service.stop();
  vi.useRealTimers();
});

async function attach(descriptor: string, steps: ReplayStep[]): Promise<ReplayTransport> {
  const transport = new ReplayTransport(steps);
  harness.provider.attach(descriptor, transport);
  await vi.advanceTimersByTimeAsync(0);
  return transport;
}

/** Steps of a sign request up to the SIGN APDU, whose reply the caller supplies. */
function signSteps(signResponse: ReplayStep['response']): ReplayStep[] {
  return [
    ...solanaStateSteps(),
    ...solanaStateSteps(),
    rootPubkeyStep,
    { request: signRequest, response: signResponse },
  ];
}

function signRoot(signal?: AbortSignal) {
  return harness.service.signMessage({
    path: ROOT,
    message,
    expectedSigner: signerAddress,
    ...(signal === undefined ? {} : { signal }),
  });
}

/** A reply that never comes, like a device waiting for a person who does not act. */
const never = (): Promise<string> => new Promise<string>(() => {});

describe('LedgerService faults', () => {
  it('reports a rejection on the device', async () => {
    await attach('hid-1', signSteps('6985'));

    await expect(signRoot()).rejects.toMatchObject({
      code: 'LEDGER_REJECTED',
      context: { operation: 'sign-message', statusWord: '0x6985' },
    });
    expect(harness.signing.map((progress) => progress.stage)).toEqual([
      'requested',
      'awaiting-person',
    ]);
  });

  it('returns false for a rejected address', async () => {
    await attach('hid-1', [
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      { request: getPubkeyRequest(ROOT, true), response: '6985' },
    ]);

    await expect(harness.service.verifyAddress(ROOT)).resolves.toBe(false);
  });

  it('fails a sign when unplugged mid-review', async () => {
    await attach('hid-1', signSteps(never));

    const signing = signRoot();
    const outcome = expect(signing).rejects.toMatchObject({ code: 'LEDGER_DISCONNECTED' });
    await vi.advanceTimersByTimeAsync(0);
    expect(harness.service.getState()).toEqual({
      status: 'awaiting-person',
      operation: 'sign-message',
    });

    harness.provider.detach('hid-1');
    await outcome;
    expect(harness.signing.map((progress) => progress.stage)).not.toContain('signed');
  });

  it('drops a detached device after the grace period', async () => {
    await attach('hid-1', solanaStateSteps());

    harness.provider.detach('hid-1');
    await vi.advanceTimersByTimeAsync(2_999);
    expect(harness.service.getState().status).toBe('solana-app');

    await vi.advanceTimersByTimeAsync(1);
    expect(harness.service.getState()).toEqual({ status: 'no-device' });
    expect(harness.service.getDevices()).toEqual([]);
    expect(harness.states.at(-1)?.state).toEqual({ status: 'no-device' });
  });

  it('keeps the device across re-attach within grace', async () => {
    await attach('hid-1', solanaStateSteps());
    harness.provider.detach('hid-1');
    await vi.advanceTimersByTimeAsync(1_000);

    const returned = await attach('hid-2', [
      ...solanaStateSteps('01000109009000'),
      ...solanaStateSteps('01000109009000'),
      rootPubkeyStep,
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    const address = await harness.service.getAddress(ROOT);

    expect(address).toBe(signerAddress);
    expect(returned.mismatches).toEqual([]);
    expect(harness.service.getDevices().map((device) => device.deviceId)).toEqual(['ledger-1']);
    expect(harness.states.map((change) => change.state.status)).not.toContain('no-device');
    expect(harness.service.getState()).toMatchObject({
      version: '1.9.0',
      blindSigningEnabled: true,
    });
  });

  it('runs a call made while detached once the device returns', async () => {
    await attach('hid-1', solanaStateSteps());
    harness.provider.detach('hid-1');

    const pending = harness.service.getAddress(ROOT);
    await vi.advanceTimersByTimeAsync(1_000);
    // The waiting call runs before the state read that re-attaching schedules.
    const returned = new ReplayTransport([
      ...solanaStateSteps(),
      rootPubkeyStep,
      ...solanaStateSteps(),
    ]);
    harness.provider.attach('hid-2', returned);

    await expect(pending).resolves.toBe(signerAddress);
    expect(returned.mismatches).toEqual([]);
  });

  it('fails a call made while detached once grace ends', async () => {
    await attach('hid-1', solanaStateSteps());
    harness.provider.detach('hid-1');

    const pending = harness.service.getAddress(ROOT);
    const outcome = expect(pending).rejects.toMatchObject({ code: 'LEDGER_NOT_CONNECTED' });
    await vi.advanceTimersByTimeAsync(3_000);

    await outcome;
  });

  it('reports a locked device', async () => {
    const transport = await attach('hid-1', [
      { request: APP_AND_VERSION_REQUEST, response: '5515' },
      { request: APP_AND_VERSION_REQUEST, response: '5515' },
    ]);
    expect(harness.service.getState()).toEqual({ status: 'locked' });

    await expect(signRoot()).rejects.toMatchObject({ code: 'LEDGER_LOCKED' });
    expect(transport.remainingSteps).toBe(0);
  });

  it('reports another open app by name', async () => {
    const ethereum = appAndVersionReply('Ethereum', '1.12.0');
    await attach('hid-1', [
      { request: APP_AND_VERSION_REQUEST, response: ethereum },
      { request: APP_AND_VERSION_REQUEST, response: ethereum },
    ]);
    expect(harness.service.getState()).toEqual({ status: 'other-app', name: 'Ethereum' });

    await expect(signRoot()).rejects.toMatchObject({
      code: 'LEDGER_WRONG_APP',
      context: { appName: 'Ethereum' },
    });
  });

  it('reports the dashboard as app not open', async () => {
    const dashboard = appAndVersionReply('BOLOS', '2.2.3');
    await attach('hid-1', [
      { request: APP_AND_VERSION_REQUEST, response: dashboard },
      { request: APP_AND_VERSION_REQUEST, response: dashboard },
    ]);
    expect(harness.service.getState()).toEqual({ status: 'dashboard' });

    await expect(harness.service.getAddress(ROOT)).rejects.toMatchObject({
      code: 'LEDGER_APP_NOT_OPEN',
    });
  });

  it('reads the app again when the Solana app closes during a job', async () => {
    const dashboard = appAndVersionReply('BOLOS', '2.2.3');
    const ethereum = appAndVersionReply('Ethereum', '1.12.0');
    await attach('hid-1', [
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      { request: getPubkeyRequest(ROOT), response: '6e00' },
      { request: APP_AND_VERSION_REQUEST, response: dashboard },
    ]);
    await expect(harness.service.getAddress(ROOT)).rejects.toMatchObject({
      code: 'LEDGER_APP_NOT_OPEN',
    });
    harness.service.stop();

    harness = startReplayService({ exchangeTimeoutMs: 10_000, detachGraceMs: 3_000 });
    await attach('hid-2', [
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      { request: getPubkeyRequest(ROOT), response: '6e00' },
      { request: APP_AND_VERSION_REQUEST, response: ethereum },
    ]);
    await expect(harness.service.getAddress(ROOT)).rejects.toMatchObject({
      code: 'LEDGER_WRONG_APP',
      context: { appName: 'Ethereum' },
    });
  });

  it('reports blind signing required on 0x6808', async () => {
    await attach('hid-1', signSteps('6808'));

    await expect(signRoot()).rejects.toMatchObject({ code: 'LEDGER_BLIND_SIGNING_REQUIRED' });
  });

  it('checks blind signing before asking the device', async () => {
    const transport = await attach('hid-1', [...solanaStateSteps(), ...solanaStateSteps()]);

    const signing = harness.service.signMessage({
      path: ROOT,
      message,
      expectedSigner: signerAddress,
      requiresBlindSigning: true,
    });

    await expect(signing).rejects.toMatchObject({ code: 'LEDGER_BLIND_SIGNING_REQUIRED' });
    expect(transport.remainingSteps).toBe(0);
    expect(transport.mismatches).toEqual([]);
  });

  it('times out an exchange and reopens the transport', async () => {
    const stuck = await attach('hid-1', [
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      { request: getPubkeyRequest(ROOT), response: never },
    ]);
    const fresh = new ReplayTransport([
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      rootPubkeyStep,
    ]);
    harness.provider.queue('hid-1', fresh);

    const pending = harness.service.getAddress(ROOT);
    const outcome = expect(pending).rejects.toMatchObject({
      code: 'LEDGER_TIMEOUT',
      context: { operation: 'get-address', timeoutMs: 10_000 },
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(stuck.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    // Let the state read that a time-out schedules run on the new transport first. The fake
    // clock turns a zero delay set during a tick into 1 ms, hence 1 ms here.
    await vi.advanceTimersByTimeAsync(1);

    expect(stuck.closed).toBe(true);
    await expect(harness.service.getAddress(ROOT)).resolves.toBe(signerAddress);
    expect(fresh.mismatches).toEqual([]);
  });

  it('cancels a sign on abort and keeps its prompt open', async () => {
    const stuck = await attach('hid-1', signSteps(never));
    const controller = new AbortController();

    const signing = signRoot(controller.signal);
    const outcome = expect(signing).rejects.toMatchObject({ code: 'CANCELLED' });
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    await outcome;

    // The device ignores other commands until the person answers the prompt, so the
    // transport stays open to read that reply, and new calls are rejected at once.
    expect(stuck.closed).toBe(false);
    const requestsSent = stuck.requests.length;
    await expect(harness.service.getAddress(ROOT)).rejects.toMatchObject({
      code: 'LEDGER_PROMPT_PENDING',
      context: { operation: 'sign-message' },
    });
    expect(stuck.requests).toHaveLength(requestsSent);
  });

  it('cancels a queued call without sending it', async () => {
    const transport = await attach('hid-1', [
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      {
        request: getPubkeyRequest(ROOT),
        response: () => Promise.resolve(SPECULOS_KEYS[ROOT] + OK),
      },
    ]);
    const controller = new AbortController();

    const first = harness.service.getAddress(ROOT);
    const second = harness.service.getAddress("44'/501'/1'", { signal: controller.signal });
    controller.abort();

    await expect(second).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(first).resolves.toBe(signerAddress);
    expect(transport.requests).not.toContain(getPubkeyRequest("44'/501'/1'"));
  });

  it('catches a wrong signature', async () => {
    const flipped = (Number.parseInt(recordedSignature.slice(0, 2), 16) ^ 0x01)
      .toString(16)
      .padStart(2, '0');
    await attach('hid-1', signSteps(flipped + recordedSignature.slice(2)));

    await expect(signRoot()).rejects.toMatchObject({
      code: 'LEDGER_BAD_SIGNATURE',
      context: { path: ROOT, signer: signerAddress },
    });
    expect(harness.signing.map((progress) => progress.stage)).not.toContain('signed');
  });

  it('catches a signature of the wrong length', async () => {
    await attach('hid-1', signSteps(recordedSignature.slice(2)));

    await expect(signRoot()).rejects.toMatchObject({ code: 'LEDGER_BAD_SIGNATURE' });
  });

  it('stops when the device holds another key', async () => {
    const transport = await attach('hid-1', [
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      rootPubkeyStep,
    ]);

    const signing = harness.service.signMessage({
      path: ROOT,
      message,
      expectedSigner: otherKeyAddress,
    });

    await expect(signing).rejects.toMatchObject({
      code: 'LEDGER_ACCOUNT_MISMATCH',
      context: { path: ROOT, expected: otherKeyAddress, actual: signerAddress },
    });
    expect(transport.remainingSteps).toBe(0);
  });

  it('rejects calls while the person reviews', async () => {
    await attach('hid-1', signSteps(never));

    void signRoot().catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);

    await expect(harness.service.getAddress(ROOT)).rejects.toMatchObject({
      code: 'LEDGER_BUSY',
      context: { operation: 'sign-message' },
    });
  });

  it('rejects a message over 1232 bytes', async () => {
    const transport = await attach('hid-1', solanaStateSteps());

    const signing = harness.service.signMessage({
      path: ROOT,
      message: new Uint8Array(1233).fill(1),
      expectedSigner: signerAddress,
    });

    await expect(signing).rejects.toMatchObject({
      code: 'LEDGER_MESSAGE_TOO_LARGE',
      context: { size: 1233, maxSize: 1232 },
    });
    expect(transport.requests).toHaveLength(2);
  });

  it('reports no device when none is attached', async () => {
    await expect(harness.service.getAddress(ROOT)).rejects.toMatchObject({
      code: 'LEDGER_NOT_CONNECTED',
    });
    expect(harness.service.getState()).toEqual({ status: 'no-device' });
  });

  it('reads a 7-byte configuration reply', async () => {
    await attach('hid-1', solanaStateSteps('01010110000101' + OK));

    expect(harness.service.getState()).toEqual({
      status: 'solana-app',
      version: '1.16.0',
      blindSigningEnabled: true,
      pubkeyDisplay: 'short',
    });
  });

  it('releases a reply held for the person', async () => {
    const reply = deferred<string>();
    await attach(
      'hid-1',
      signSteps(() => reply.promise),
    );

    const signing = signRoot();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(harness.service.getState().status).toBe('awaiting-person');
    reply.resolve(recordedSignature);

    await expect(signing).resolves.toMatchObject({ signer: signerAddress });
  });
});

describe('LedgerService idle polling', () => {
  it('notices the device locking while idle', async () => {
    harness.service.stop();
    harness = startReplayService({ pollIntervalMs: 2_000 });
    await attach('hid-1', [
      ...solanaStateSteps(),
      { request: APP_AND_VERSION_REQUEST, response: '5515' },
    ]);
    expect(harness.service.getState().status).toBe('solana-app');

    await vi.advanceTimersByTimeAsync(2_000);

    expect(harness.service.getState()).toEqual({ status: 'locked' });
    expect(harness.states.at(-1)?.previous.status).toBe('solana-app');
  });
});
