import { ed25519 } from '@noble/curves/ed25519.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ReplayTransport } from '../../support/ledger-replay/replay-transport';
import {
  APP_AND_VERSION_REQUEST,
  OK,
  SOLANA_APP_AND_VERSION_REPLY,
  SPECULOS_ADDRESSES,
  SPECULOS_KEYS,
  getPubkeyRequest,
  messageFromSignRequests,
  recordedCase,
  recording,
  solanaStateSteps,
} from '../../support/ledger-replay/recordings';
import {
  startReplayService,
  type ReplayHarness,
} from '../../support/ledger-replay/start-replay-service';

let harness: ReplayHarness;

beforeEach(() => {
  vi.useFakeTimers();
  harness = startReplayService();
});

afterEach(() => {
  harness.service.stop();
  vi.useRealTimers();
});

/** Attaches one device whose transport plays `steps`, and lets its first state read run. */
async function attach(steps: ConstructorParameters<typeof ReplayTransport>[0]) {
  const transport = new ReplayTransport(steps);
  harness.provider.attach('hid-1', transport);
  await vi.advanceTimersByTimeAsync(0);
  return transport;
}

function expectReplayedExactly(transport: ReplayTransport): void {
  expect(transport.mismatches).toEqual([]);
  expect(transport.remainingSteps).toBe(0);
}

describe('LedgerService on recorded exchanges', () => {
  it('reads the configuration reply into the state', async () => {
    const transport = await attach([
      { request: APP_AND_VERSION_REQUEST, response: SOLANA_APP_AND_VERSION_REPLY },
      ...recordedCase('getAppConfiguration'),
    ]);

    expectReplayedExactly(transport);
    expect(harness.service.getState()).toEqual({
      status: 'solana-app',
      version: '1.0.6',
      blindSigningEnabled: false,
      pubkeyDisplay: 'long',
    });
  });

  it('reads an address without display', async () => {
    const transport = await attach([
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      ...recordedCase("getAddress 44'/501'/0'/0'/0' without display"),
    ]);

    const address = await harness.service.getAddress("44'/501'/0'/0'/0'");

    expectReplayedExactly(transport);
    expect(address).toBe(SPECULOS_ADDRESSES["44'/501'/0'/0'/0'"]);
  });

  it('shows an address on the device for verification', async () => {
    const transport = await attach([
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      ...recordedCase("getAddress 44'/501'/0'/0'/0' with display"),
    ]);

    const confirmed = await harness.service.verifyAddress("44'/501'/0'/0'/0'");

    expectReplayedExactly(transport);
    expect(confirmed).toBe(true);
  });

  it.each([
    ['a one-APDU transfer', "signTransaction 44'/501': legacy"],
    ['a two-chunk transfer', "signTransaction 44'/501' in two chunks"],
  ])('signs %s and verifies the signature', async (_label, caseName) => {
    const signExchanges = recordedCase(caseName);
    const message = messageFromSignRequests(signExchanges.map((exchange) => exchange.request));
    const recordedSignature = signExchanges.at(-1)?.response.slice(0, -4) ?? '';
    const transport = await attach([
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      { request: getPubkeyRequest("44'/501'"), response: SPECULOS_KEYS["44'/501'"] + OK },
      ...signExchanges,
    ]);

    const signed = await harness.service.signMessage({
      path: "44'/501'",
      message,
      expectedSigner: SPECULOS_ADDRESSES["44'/501'"],
    });

    expectReplayedExactly(transport);
    expect(Buffer.from(signed.signature).toString('hex')).toBe(recordedSignature);
    expect(signed.signer).toBe(SPECULOS_ADDRESSES["44'/501'"]);
  });

  it('reports progress in the order requested, awaiting person, signed', async () => {
    const signExchanges = recordedCase("signTransaction 44'/501': legacy");
    await attach([
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      { request: getPubkeyRequest("44'/501'"), response: SPECULOS_KEYS["44'/501'"] + OK },
      ...signExchanges,
    ]);

    await harness.service.signMessage({
      path: "44'/501'",
      message: messageFromSignRequests(signExchanges.map((exchange) => exchange.request)),
      expectedSigner: SPECULOS_ADDRESSES["44'/501'"],
    });

    expect(harness.signing.map((progress) => progress.stage)).toEqual([
      'requested',
      'awaiting-person',
      'signed',
    ]);
    expect(harness.states.map((change) => change.state.status)).toEqual([
      'busy',
      'solana-app',
      'busy',
      'awaiting-person',
      'busy',
      'solana-app',
    ]);
  });

  it('treats a configuration reply of 0x6808 as blind signing off', async () => {
    const transport = await attach([
      { request: APP_AND_VERSION_REQUEST, response: SOLANA_APP_AND_VERSION_REPLY },
      ...recordedCase('blind signing required'),
    ]);

    expectReplayedExactly(transport);
    expect(harness.service.getState()).toEqual({
      status: 'solana-app',
      version: '2022.0.1',
      blindSigningEnabled: false,
      pubkeyDisplay: 'unknown',
    });
  });
});

describe('LedgerService on the real-device capture', () => {
  const captured = recording.realDevice.exchanges;
  const appAndVersion = captured[0];
  const pubkey = captured[1];
  const configurationBlindOff = captured[2];
  const firstSign = captured.slice(4, 6);
  const configurationBlindOn = captured[6];
  const secondSign = captured.slice(7, 9);
  const signerAddress = 'An8Xs1efvzFqBBMJsREpE9sfLywCjsJGUnaHCwG3Jy9W';

  it('fails with blind signing required, then signs once it is on', async () => {
    if (
      appAndVersion === undefined ||
      pubkey === undefined ||
      configurationBlindOff === undefined ||
      configurationBlindOn === undefined
    ) {
      throw new Error('The real-device capture is shorter than expected');
    }
    const transport = await attach([
      appAndVersion,
      configurationBlindOff,
      appAndVersion,
      configurationBlindOff,
      pubkey,
      ...firstSign,
      appAndVersion,
      configurationBlindOn,
      pubkey,
      ...secondSign,
    ]);

    const blocked = harness.service.signMessage({
      path: "44'/501'/0'",
      message: messageFromSignRequests(firstSign.map((exchange) => exchange.request)),
      expectedSigner: signerAddress,
    });
    await expect(blocked).rejects.toMatchObject({ code: 'LEDGER_BLIND_SIGNING_REQUIRED' });

    const message = messageFromSignRequests(secondSign.map((exchange) => exchange.request));
    const signed = await harness.service.signMessage({
      path: "44'/501'/0'",
      message,
      expectedSigner: signerAddress,
    });

    expectReplayedExactly(transport);
    expect(message).toHaveLength(293);
    expect(
      ed25519.verify(signed.signature, message, Buffer.from(pubkey.response.slice(0, -4), 'hex')),
    ).toBe(true);
  });
});
