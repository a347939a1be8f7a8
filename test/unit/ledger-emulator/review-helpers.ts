import { sha256 } from '@noble/hashes/sha2.js';
import {
  Authorized,
  ComputeBudgetProgram,
  Lockup,
  PublicKey,
  StakeProgram,
  SystemProgram,
  Transaction,
  type TransactionInstruction,
} from '@solana/web3.js';
import {
  LedgerEmulator,
  Slip10Keyring,
  fieldsOf,
  parseDerivationPath,
  type LedgerEmulatorOptions,
} from '../../support/ledger-emulator';

export const SIGNER_PATH = "44'/501'/0'";
export const STAKE_SEED = 'stake:0123456789abcdef0123456789';
export const FIGMENT_VOTE = new PublicKey('26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx');
export const OTHER_VOTE = new PublicKey('CertusDeBmqN8ZawdkxK5kFGMwBXdudvWHYwtNgNhvLu');
export const BLOCKHASH = 'EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k';
/** 1 SOL plus the 2 282 880-lamport rent reserve of a stake account. */
export const DEPOSIT = 1_002_282_880;

const keyring = new Slip10Keyring();
export const signer = new PublicKey(keyring.publicKey(parseDerivationPath(SIGNER_PATH)));
export const otherKey = new PublicKey(keyring.publicKey(parseDerivationPath("44'/501'/1'")));
/** `createWithSeed(signer, STAKE_SEED, Stake)`: SHA-256 of base, seed and owner. */
export const stakeAccount = new PublicKey(
  sha256(
    Buffer.concat([signer.toBuffer(), Buffer.from(STAKE_SEED), StakeProgram.programId.toBuffer()]),
  ),
);

export function messageOf(
  instructions: readonly TransactionInstruction[],
  feePayer: PublicKey = signer,
): Uint8Array {
  const transaction = new Transaction({ feePayer, recentBlockhash: BLOCKHASH });
  transaction.add(...instructions);
  return new Uint8Array(transaction.serializeMessage());
}

export function createWithSeedInstructions(
  authorized: Authorized = new Authorized(signer, signer),
  lockup: Lockup = Lockup.default,
): TransactionInstruction[] {
  return StakeProgram.createAccountWithSeed({
    fromPubkey: signer,
    stakePubkey: stakeAccount,
    basePubkey: signer,
    seed: STAKE_SEED,
    authorized,
    lockup,
    lamports: DEPOSIT,
  }).instructions;
}

export function delegateInstructions(stake: PublicKey = stakeAccount): TransactionInstruction[] {
  return StakeProgram.delegate({
    stakePubkey: stake,
    authorizedPubkey: signer,
    votePubkey: FIGMENT_VOTE,
  }).instructions;
}

export const computeUnitLimit = (units: number): TransactionInstruction =>
  ComputeBudgetProgram.setComputeUnitLimit({ units });
export const computeUnitPrice = (microLamports: number): TransactionInstruction =>
  ComputeBudgetProgram.setComputeUnitPrice({ microLamports });

export const nonceAccount = new PublicKey('8rSVZMUyr2HDCQjsNSxf6eKZrqKmHJHCfHFqhDLgeGx3');

export function nonceAdvance(): TransactionInstruction {
  return SystemProgram.nonceAdvance({ noncePubkey: nonceAccount, authorizedPubkey: signer });
}

/** APDUs hw-app-solana sends to sign `message`: 255-byte pieces, P2 MORE/EXTEND as it sets them. */
export function signApdus(
  message: Uint8Array,
  path: string = SIGNER_PATH,
  ins = 0x06,
): Uint8Array[] {
  const indexes = parseDerivationPath(path);
  const pathBytes = Buffer.alloc(1 + indexes.length * 4);
  pathBytes.writeUInt8(indexes.length, 0);
  indexes.forEach((index, position) => pathBytes.writeUInt32BE(index, 1 + position * 4));
  const payload = Buffer.concat([Buffer.of(1), pathBytes, Buffer.from(message)]);

  const apdus: Uint8Array[] = [];
  for (let offset = 0; offset < payload.length; offset += 255) {
    const piece = payload.subarray(offset, offset + 255);
    const more = offset + 255 < payload.length ? 0x02 : 0;
    const extend = offset > 0 ? 0x01 : 0;
    apdus.push(Uint8Array.from([0xe0, ins, 0x01, more | extend, piece.length, ...piece]));
  }
  return apdus;
}

export type ReviewOutcome =
  | {
      readonly kind: 'screens';
      readonly fields: [string, string][];
      readonly blindSigning: boolean;
    }
  | { readonly kind: 'status'; readonly statusWord: number };

/** Sends a sign request and returns the review the device shows (then rejects it), or the status word. */
export async function reviewOf(
  emulator: LedgerEmulator,
  message: Uint8Array,
  path: string = SIGNER_PATH,
): Promise<ReviewOutcome> {
  const apdus = signApdus(message, path);
  const last = apdus.pop();
  if (!last) {
    throw new Error('No APDU to send');
  }
  for (const apdu of apdus) {
    const reply = await emulator.exchange(apdu);
    if (reply.length !== 2 || reply[0] !== 0x90) {
      return { kind: 'status', statusWord: Buffer.from(reply).readUInt16BE(reply.length - 2) };
    }
  }

  const pending = emulator.exchange(last);
  const request = emulator.currentRequest;
  if (request) {
    emulator.reject();
  }
  const reply = await pending;
  if (request) {
    return {
      kind: 'screens',
      fields: fieldsOf(request.screens),
      blindSigning: request.blindSigning,
    };
  }
  return { kind: 'status', statusWord: Buffer.from(reply).readUInt16BE(reply.length - 2) };
}

/** Field screens of a review; fails the test with the status word when the device refused. */
export function screenFields(outcome: ReviewOutcome): [string, string][] {
  if (outcome.kind !== 'screens') {
    throw new Error(`Expected review screens, got status 0x${outcome.statusWord.toString(16)}`);
  }
  return outcome.fields;
}

export function emulatorWith(options: LedgerEmulatorOptions['settings'] = {}): LedgerEmulator {
  return new LedgerEmulator({ settings: options });
}

export const base58 = (key: PublicKey): string => key.toBase58();
