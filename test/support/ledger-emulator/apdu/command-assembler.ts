import { HARDENED_OFFSET } from '../keys';
import { ByteReader, concatBytes } from '../bytes';
import { StatusWord } from '../status-words';
import type { SolanaApdu } from './apdu-header';
import {
  Ins,
  P1_NON_CONFIRM,
  P2_EXTEND,
  P2_MORE,
  allowsChunking,
  isPubkeyRequest,
  startsWithDerivationPath,
  takesNoPayload,
} from './instruction-codes';

const MAX_PATH_LENGTH = 5;
const PURPOSE_44 = HARDENED_OFFSET + 44;
const COIN_SOLANA = HARDENED_OFFSET + 501;

/** A command whose APDUs have all arrived. */
export interface CompleteCommand {
  readonly ins: number;
  /** P1 = 0: the host requests no confirmation on the device. */
  readonly nonConfirm: boolean;
  readonly path: readonly number[];
  /** Payload after the signer count and path: the message to sign, or a descriptor. */
  readonly message: Uint8Array;
  /** P2 of the last APDU; only its 0x08 (token-account input) bit would matter. */
  readonly finalP2: number;
}

export type AssembleResult =
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'complete'; readonly command: CompleteCommand }
  | { readonly kind: 'error'; readonly statusWord: number };

interface PendingCommand {
  readonly ins: number;
  readonly nonConfirm: boolean;
  readonly deprecated: boolean;
  path: number[];
  chunks: Uint8Array[];
  length: number;
}

export interface AssemblerLimits {
  /** The message must stay strictly shorter than this buffer (the app keeps a NUL after it). */
  readonly messageBufferLength: number;
  /** `app`: refuse a path outside 44'/501' at once with 0x6A84 (newer line only). */
  readonly pathCheck: 'os' | 'app';
}

type PathResult =
  { readonly path: number[]; readonly rest: Uint8Array } | { readonly statusWord: number };

/** Reads `n` then `n` big-endian u32 indexes, with the app's limits (1 to 5 elements). */
function readDerivationPath(data: Uint8Array, limits: AssemblerLimits): PathResult {
  if (data.length === 0) {
    return { statusWord: StatusWord.INVALID_MESSAGE_SIZE };
  }
  const reader = new ByteReader(data);
  const length = reader.readU8();
  if (length < 1 || length > MAX_PATH_LENGTH) {
    return { statusWord: StatusWord.INVALID_MESSAGE };
  }
  if (1 + 4 * length > data.length) {
    return { statusWord: StatusWord.INVALID_MESSAGE_SIZE };
  }
  const path: number[] = [];
  for (let index = 0; index < length; index++) {
    path.push(reader.readU32Be());
  }
  if (limits.pathCheck === 'app' && (path[0] !== PURPOSE_44 || path[1] !== COIN_SOLANA)) {
    return { statusWord: StatusWord.INVALID_DERIVATION_PATH };
  }
  return { path, rest: reader.readRest() };
}

/**
 * The app's APDU state machine (`apdu_handle_message`). A chunk without EXTEND starts a new
 * command and carries the signer count (modern sign instructions) and the path. A chunk with
 * EXTEND must continue the command in progress with the same INS, P1 kind and flavour, or the
 * command is dropped with 0x6A80. A chunk with MORE gets an empty 0x9000, and the last one
 * completes the command. Any command without payload also replaces the one in progress.
 */
export class CommandAssembler {
  private pending: PendingCommand | null = null;

  reset(): void {
    this.pending = null;
  }

  accept(apdu: SolanaApdu, limits: AssemblerLimits): AssembleResult {
    const result = this.process(apdu, limits);
    if (result.kind !== 'in-progress') {
      this.pending = null;
    }
    return result;
  }

  private process(apdu: SolanaApdu, limits: AssemblerLimits): AssembleResult {
    const nonConfirm = apdu.p1 === P1_NON_CONFIRM;
    if (takesNoPayload(apdu.ins)) {
      return {
        kind: 'complete',
        command: {
          ins: apdu.ins,
          nonConfirm,
          path: [],
          message: new Uint8Array(),
          finalP2: apdu.p2,
        },
      };
    }

    const firstChunk = (apdu.p2 & P2_EXTEND) === 0 || !allowsChunking(apdu.ins);
    let data = apdu.data;
    const hasData = data.length > 0;

    if (firstChunk) {
      this.pending = {
        ins: apdu.ins,
        nonConfirm,
        deprecated: apdu.deprecated,
        path: [],
        chunks: [],
        length: 0,
      };
    } else if (
      !this.pending ||
      this.pending.ins !== apdu.ins ||
      this.pending.nonConfirm !== nonConfirm ||
      this.pending.deprecated !== apdu.deprecated
    ) {
      return { kind: 'error', statusWord: StatusWord.INVALID_MESSAGE };
    }
    const pending = this.pending;
    if (!pending) {
      return { kind: 'error', statusWord: StatusWord.INVALID_MESSAGE };
    }

    if (startsWithDerivationPath(apdu.ins) && firstChunk) {
      if (!apdu.deprecated && !isPubkeyRequest(apdu.ins)) {
        if (data.length === 0) {
          return { kind: 'error', statusWord: StatusWord.INVALID_MESSAGE_SIZE };
        }
        if (data[0] !== 1) {
          return { kind: 'error', statusWord: StatusWord.INVALID_MESSAGE };
        }
        data = data.slice(1);
      }
      const read = readDerivationPath(data, limits);
      if ('statusWord' in read) {
        return { kind: 'error', statusWord: read.statusWord };
      }
      pending.path = read.path;
      data = read.rest;
    }

    if (apdu.ins === Ins.DEPRECATED_SIGN_MESSAGE) {
      if (data.length < 2) {
        return { kind: 'error', statusWord: StatusWord.INVALID_MESSAGE_SIZE };
      }
      const declared = Buffer.from(data).readUInt16BE(0);
      data = data.slice(2);
      if (data.length !== declared) {
        return { kind: 'error', statusWord: StatusWord.INVALID_MESSAGE_SIZE };
      }
    }

    // Every remaining instruction expects a payload, so an empty APDU is a size error.
    if (!hasData) {
      return { kind: 'error', statusWord: StatusWord.INVALID_MESSAGE_SIZE };
    }
    if (pending.length + data.length >= limits.messageBufferLength) {
      return { kind: 'error', statusWord: StatusWord.INVALID_MESSAGE_SIZE };
    }
    pending.chunks.push(data);
    pending.length += data.length;

    if ((apdu.p2 & P2_MORE) !== 0) {
      return { kind: 'in-progress' };
    }
    return {
      kind: 'complete',
      command: {
        ins: pending.ins,
        nonConfirm: pending.nonConfirm,
        path: pending.path,
        message: concatBytes(...pending.chunks),
        finalP2: apdu.p2,
      },
    };
  }
}
