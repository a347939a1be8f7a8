import { z } from 'zod';

import recorded from './hw-app-solana-exchanges.json';
import type { ReplayStep } from './replay-transport';

const exchangeSchema = z.object({ request: z.string(), response: z.string() });
const recordingSchema = z.object({
  mnemonic: z.string(),
  cases: z.array(z.object({ name: z.string(), exchanges: z.array(exchangeSchema) })),
  realDevice: z.object({ description: z.string(), exchanges: z.array(exchangeSchema) }),
});

/**
 * Exchanges recorded in @ledgerhq/hw-app-solana's public tests (Speculos seed) and in a
 * real-device capture kept in LedgerHQ/app-solana's tests; see the JSON for sources.
 */
export const recording = recordingSchema.parse(recorded);

export type RecordedExchange = z.infer<typeof exchangeSchema>;

/** Returns the exchanges of the recorded case whose name starts with `prefix`. */
export function recordedCase(prefix: string): RecordedExchange[] {
  const found = recording.cases.find((entry) => entry.name.startsWith(prefix));
  if (found === undefined) {
    throw new Error(`No recorded case starts with "${prefix}"`);
  }
  return found.exchanges;
}

export const OK = '9000';

export const APP_AND_VERSION_REQUEST = 'b001000000';
export const APP_CONFIGURATION_REQUEST = 'e004000000';

/** B0 01 reply of the Solana app in the real-device capture (development build "2022.0.1"). */
export const SOLANA_APP_AND_VERSION_REPLY = '0106536f6c616e6108323032322e302e3101029000';

/** E0 04 reply of hw-app-solana's tests: blind signing off, long pubkeys, version 1.0.6. */
export const CONFIGURATION_REPLY_1_0_6 = '00000100069000';

/**
 * Builds a B0 01 reply in the OS layout `[1][name length][name][version length][version]
 * [flags length][flags]` followed by 9000, for apps no recording covers.
 */
export function appAndVersionReply(name: string, version: string, flags = '00'): string {
  const field = (text: string): string =>
    byteHex(text.length) + Buffer.from(text, 'latin1').toString('hex');
  return `01${field(name)}${field(version)}${byteHex(flags.length / 2)}${flags}${OK}`;
}

/** Builds a GET_PUBKEY APDU for a path such as `44'/501'/0'`, as the Solana app expects it. */
export function getPubkeyRequest(path: string, display = false): string {
  const elements = path.split('/').map((element) => Number.parseInt(element, 10) + 0x8000_0000);
  const data =
    byteHex(elements.length) +
    elements.map((element) => element.toString(16).padStart(8, '0')).join('');
  return `e005${display ? '01' : '00'}00${byteHex(data.length / 2)}${data}`;
}

/** Returns the two exchanges of a state read in the Solana app. */
export function solanaStateSteps(configurationReply = CONFIGURATION_REPLY_1_0_6): ReplayStep[] {
  return [
    { request: APP_AND_VERSION_REQUEST, response: SOLANA_APP_AND_VERSION_REPLY },
    { request: APP_CONFIGURATION_REQUEST, response: configurationReply },
  ];
}

/** Speculos keys of the reference derivation table, as hex. */
export const SPECULOS_KEYS = {
  "44'/501'": '5eb9862fe23e544a2a0969cc157cb31fd72901cc2824d536a67fb8ee911e0236',
  "44'/501'/0'": '1572e52f2c5e7e66bc19ac6cd30b6d696ea799cfe6d784542ab7d8b7fe315b5c',
  "44'/501'/1'": '3b9ba3a2ebaf40c1cd672a80a8e1932b982cca8264be33c39359701e113c3da2',
  "44'/501'/0'/0'": 'c45a24a9739accab4e759af91435a89ae9b78e6f145b0ac6786df0423438c524',
  "44'/501'/0'/0'/0'": '4d65a10662b9759d62bb59048366705454654cf4f9b4b3525cf314429e46c691',
  "44'/501'/11111'": '940268ac4c37ea0bc96c9c40ef33ace07a3034d650c43737fea9568b8c91da54',
} as const;

/** The base58 addresses of the same keys. */
export const SPECULOS_ADDRESSES = {
  "44'/501'": '7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9',
  "44'/501'/0'": '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH',
  "44'/501'/1'": '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ',
  "44'/501'/0'/0'": 'EDUded8fGxKkRTWWjE9YFzCmrW54aXXabVKLn3NyvHqV',
  "44'/501'/0'/0'/0'": '6D8GtWkKJgToM5UoiByHqjQCCC9Dq1Hh7iNmU4jKSs12',
  "44'/501'/11111'": 'AxmUF3qkdz1zs151Q5WttVMkFpFGQPwghZs4d1mwY55d',
} as const;

/**
 * Recovers the message bytes from recorded SIGN APDUs: the data of all chunks joined,
 * minus the signer count and the path at the front of the first chunk.
 */
export function messageFromSignRequests(requests: readonly string[]): Uint8Array {
  const data = Buffer.concat(requests.map((request) => Buffer.from(request, 'hex').subarray(5)));
  const pathLength = data[1] ?? 0;
  return Uint8Array.from(data.subarray(2 + 4 * pathLength));
}

function byteHex(value: number): string {
  return value.toString(16).padStart(2, '0');
}
