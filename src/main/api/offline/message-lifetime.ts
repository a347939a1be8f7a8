import type { TransactionLifetime } from '../../../shared/domain/store';
import { parseMessage, SYSTEM_PROGRAM_ID } from '../../stake';

const ADVANCE_NONCE_INDEX = 4;

/** The durable nonce a message uses, read from its bytes; null for a blockhash message. */
export interface MessageNonce {
  nonceAccount: string;
  nonceAuthority: string;
  /** The message's `recentBlockhash`, which holds the nonce value. */
  nonceValue: string;
}

/**
 * Finds the durable nonce of a message. The runtime treats a message as nonce-based only
 * when its first instruction is System AdvanceNonceAccount, with accounts [nonce,
 * RecentBlockhashes sysvar, authority], so that is the only place looked at.
 */
export function readMessageNonce(message: Uint8Array): MessageNonce | null {
  const parsed = parseMessage(message);
  const first = parsed.instructions[0];
  if (first === undefined) {
    return null;
  }
  if (parsed.staticKeys[first.programIdIndex] !== SYSTEM_PROGRAM_ID.toBase58()) {
    return null;
  }
  if (first.data.length < 4 || readU32(first.data) !== ADVANCE_NONCE_INDEX) {
    return null;
  }

  const [nonceIndex, , authorityIndex] = first.accountIndexes;
  const nonceAccount = nonceIndex === undefined ? undefined : parsed.staticKeys[nonceIndex];
  const nonceAuthority =
    authorityIndex === undefined ? undefined : parsed.staticKeys[authorityIndex];
  if (nonceAccount === undefined || nonceAuthority === undefined) {
    return null;
  }
  return { nonceAccount, nonceAuthority, nonceValue: parsed.recentBlockhash };
}

/**
 * Returns the lifetime the store records for a message: its nonce, or its blockhash with
 * the last block height at which the cluster accepts it.
 */
export function lifetimeOfMessage(
  message: Uint8Array,
  lastValidBlockHeight: number,
): TransactionLifetime {
  const nonce = readMessageNonce(message);
  if (nonce !== null) {
    return { kind: 'durableNonce', ...nonce };
  }
  return {
    kind: 'blockhash',
    blockhash: parseMessage(message).recentBlockhash,
    lastValidBlockHeight,
  };
}

/** Returns the message's required signers, in signature order. */
export function requiredSignersOf(message: Uint8Array): string[] {
  const parsed = parseMessage(message);
  return parsed.staticKeys.slice(0, parsed.header.numRequiredSignatures);
}

function readU32(data: Uint8Array): number {
  return new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true);
}
