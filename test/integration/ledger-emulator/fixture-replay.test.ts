import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  LedgerEmulator,
  fromHex,
  parseDerivationPath,
  toHex,
  verifyEd25519,
  type LedgerEmulatorOptions,
} from '../../support/ledger-emulator';

const exchangeSchema = z.object({ request: z.string(), response: z.string() });
const fixtureSchema = z.object({
  mnemonic: z.string(),
  cases: z.array(z.object({ name: z.string(), exchanges: z.array(exchangeSchema) })),
  realDevice: z.object({ exchanges: z.array(exchangeSchema) }),
});

// A copy of the recorded hw-app-solana exchanges, kept in the repository so a clone runs alone.
const FIXTURE_FILE = resolve(__dirname, '../../support/ledger-replay/hw-app-solana-exchanges.json');
const fixture = fixtureSchema.parse(JSON.parse(readFileSync(FIXTURE_FILE, 'utf8')));

/** Device state each recorded case was captured in. */
interface CaseSetup {
  readonly options: LedgerEmulatorOptions;
  readonly injectStatusWord?: number;
}

const OLD_APP = { version: '1.0.6' };

const SETUPS: readonly CaseSetup[] = [
  { options: { settings: OLD_APP } },
  { options: { settings: OLD_APP } },
  { options: { settings: OLD_APP, person: { kind: 'approve' } } },
  { options: { settings: OLD_APP, person: { kind: 'review-and-approve' } } },
  // Seven instructions are past the clear-signing limit, so the recording implies blind signing on.
  { options: { settings: { ...OLD_APP, blindSigning: true }, person: { kind: 'approve' } } },
  { options: { settings: OLD_APP, person: { kind: 'review-and-approve' } } },
  { options: { settings: OLD_APP } },
  // A mocked reply: no app state returns 0x6808 to E0 04.
  { options: { settings: OLD_APP }, injectStatusWord: 0x6808 },
];

describe('recorded hw-app-solana exchanges', () => {
  it('use the Speculos mnemonic', () => {
    expect(fixture.mnemonic).toBe(
      'glory promote mansion idle axis finger extra february uncover one trip resource lawn turtle enact monster seven myth punch hobby comfort wild raise skin',
    );
    expect(fixture.cases).toHaveLength(SETUPS.length);
  });

  fixture.cases.forEach((recorded, index) => {
    it(`replay byte for byte: ${recorded.name}`, async () => {
      const setup = SETUPS[index];
      if (!setup) {
        throw new Error(`No setup for case ${index}`);
      }
      const emulator = new LedgerEmulator({ mnemonic: fixture.mnemonic, ...setup.options });
      if (setup.injectStatusWord !== undefined) {
        emulator.injectStatusWord(setup.injectStatusWord);
      }

      for (const exchange of recorded.exchanges) {
        const response = await emulator.exchange(fromHex(exchange.request));
        expect(toHex(response)).toBe(exchange.response);
      }
    });
  });
});

describe('real device capture (another seed)', () => {
  const [
    appAndVersion,
    getPubkey,
    config,
    challenge,
    signFirst,
    signLast,
    configBlind,
    signFirst2,
    signLast2,
  ] = fixture.realDevice.exchanges;
  const path = parseDerivationPath("44'/501'/0'");
  const capturedSigner = '9148d5d8007a60b16c3cb913a266c5f6b6564d602e55a17c050fb8a182db47f5';

  function required<T>(value: T | undefined): T {
    if (value === undefined) {
      throw new Error('Fixture has fewer exchanges than expected');
    }
    return value;
  }

  /** Replaces the captured signer with this seed's key in a captured request. */
  function withOwnSigner(emulator: LedgerEmulator, requestHex: string): Uint8Array {
    return fromHex(requestHex.replace(capturedSigner, toHex(emulator.publicKey(path))));
  }

  it('reports app name, version and configuration bytes of a development build', async () => {
    const emulator = new LedgerEmulator({ settings: { version: '2022.0.1' } });

    const nameReply = await emulator.exchange(fromHex(required(appAndVersion).request));
    const configReply = await emulator.exchange(fromHex(required(config).request));

    expect(toHex(nameReply)).toBe(required(appAndVersion).response);
    expect(toHex(configReply)).toBe(required(config).response);
  });

  it('answers the pubkey request and the challenge with the recorded shapes', async () => {
    const emulator = new LedgerEmulator({ randomBytes: () => fromHex('7035ab19') });

    const pubkeyReply = await emulator.exchange(fromHex(required(getPubkey).request));
    const challengeReply = await emulator.exchange(fromHex(required(challenge).request));

    expect(toHex(pubkeyReply)).toBe(`${toHex(emulator.publicKey(path))}9000`);
    expect(toHex(challengeReply)).toBe(required(challenge).response);
  });

  it('token transfer needs blind signing', async () => {
    const emulator = new LedgerEmulator({
      settings: { version: '2022.0.1' },
      person: { kind: 'review-and-approve' },
    });

    const first = await emulator.exchange(withOwnSigner(emulator, required(signFirst).request));
    const refused = await emulator.exchange(fromHex(required(signLast).request));
    emulator.setSettings({ blindSigning: true });
    const configReply = await emulator.exchange(fromHex(required(configBlind).request));
    const second = await emulator.exchange(withOwnSigner(emulator, required(signFirst2).request));
    const signed = await emulator.exchange(fromHex(required(signLast2).request));

    expect(toHex(first)).toBe(required(signFirst).response);
    expect(toHex(refused)).toBe(required(signLast).response);
    expect(toHex(configReply)).toBe(required(configBlind).response);
    expect(toHex(second)).toBe(required(signFirst2).response);
    expect(toHex(signed.slice(-2))).toBe('9000');
    const message = Buffer.concat([
      withOwnSigner(emulator, required(signFirst2).request).slice(5 + 1 + 13),
      fromHex(required(signLast2).request).slice(5),
    ]);
    expect(verifyEd25519(signed.slice(0, 64), message, emulator.publicKey(path))).toBe(true);
  });
});
