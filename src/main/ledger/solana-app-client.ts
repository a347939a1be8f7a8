import Solana from '@ledgerhq/hw-app-solana';
import type Transport from '@ledgerhq/hw-transport';

import { WalletError } from '../../shared/errors';
import {
  parseAppAndVersion,
  parseAppConfiguration,
  type AppAndVersion,
  type AppConfiguration,
} from './app-replies';
import { PUBLIC_KEY_LENGTH } from './keys';

/** CLA of OS-level commands such as get-app-and-version. */
const OS_CLA = 0xb0;
const INS_GET_APP_AND_VERSION = 0x01;

/** CLA and INS of the Solana app (LedgerHQ/app-solana). */
const SOLANA_CLA = 0xe0;
const INS_GET_APP_CONFIGURATION = 0x04;

const STATUS_WORD_LENGTH = 2;

/**
 * The APDU commands this wallet sends. Configuration and app detection are built and
 * parsed here, so newer reply layouts stay readable. Addresses and signatures go through
 * hw-app-solana, which owns the path encoding and the chunking of long messages.
 */
export const solanaAppClient = {
  async getAppAndVersion(transport: Transport): Promise<AppAndVersion> {
    const reply = await transport.send(OS_CLA, INS_GET_APP_AND_VERSION, 0x00, 0x00);
    return parseAppAndVersion(stripStatusWord(reply));
  },

  async getAppConfiguration(transport: Transport): Promise<AppConfiguration> {
    const reply = await transport.send(SOLANA_CLA, INS_GET_APP_CONFIGURATION, 0x00, 0x00);
    return parseAppConfiguration(stripStatusWord(reply));
  },

  /** Reads the public key of a path; with `display` the device shows it for approval. */
  async getPublicKey(transport: Transport, path: string, display: boolean): Promise<Uint8Array> {
    const { address } = await new Solana(transport).getAddress(path, display);
    if (address.length !== PUBLIC_KEY_LENGTH) {
      throw invalidLength('public key', address.length, PUBLIC_KEY_LENGTH);
    }
    return Uint8Array.from(address);
  },

  /**
   * Sends a serialized transaction message for signing, which the person must approve.
   * The signature comes back unchecked, so the caller must verify it.
   */
  async signMessage(transport: Transport, path: string, message: Uint8Array): Promise<Uint8Array> {
    const { signature } = await new Solana(transport).signTransaction(path, Buffer.from(message));
    return Uint8Array.from(signature);
  },
};

export type SolanaAppClient = typeof solanaAppClient;

function stripStatusWord(reply: Buffer): Uint8Array {
  return Uint8Array.prototype.slice.call(reply, 0, reply.length - STATUS_WORD_LENGTH);
}

function invalidLength(field: string, actual: number, expected: number): WalletError {
  return new WalletError(
    'LEDGER_TRANSPORT_FAILED',
    { errorName: 'InvalidReply' },
    `The device sent a ${field} of ${actual} bytes, expected ${expected}`,
  );
}
