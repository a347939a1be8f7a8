import { MalformedBytesError } from '../bytes';
import type { CompiledInstruction } from '../message/message-parser';
import { ProgramIds } from '../message/program-ids';
import { InstructionDecodeError } from './accounts';
import {
  decodeComputeBudgetInstruction,
  type ComputeBudgetInstruction,
} from './compute-budget-instructions';
import { decodeStakeInstruction, type StakeInstruction } from './stake-instructions';
import { decodeSystemInstruction, type SystemInstruction } from './system-instructions';

/**
 * One instruction as the app classifies it. Vote, token and associated-token-account
 * instructions are recognised but their screens are not modelled (see `unmodelled`).
 */
export type DecodedInstruction =
  | { readonly program: 'system'; readonly instruction: SystemInstruction }
  | { readonly program: 'stake'; readonly instruction: StakeInstruction }
  | { readonly program: 'compute-budget'; readonly instruction: ComputeBudgetInstruction }
  /** Memo and Serum assert-owner: accepted and left off the screens. */
  | { readonly program: 'ignored'; readonly name: 'memo' | 'serum-assert-owner' }
  | {
      readonly program: 'unmodelled';
      readonly name: 'vote' | 'spl-token' | 'associated-token-account';
      readonly discriminator: number;
    }
  /** An unknown program, or a known one whose instruction the app cannot parse. */
  | { readonly program: 'unrecognized'; readonly reason: string };

function firstByte(instruction: CompiledInstruction): number {
  return instruction.data[0] ?? -1;
}

function firstU32(instruction: CompiledInstruction): number {
  if (instruction.data.length < 4) {
    return -1;
  }
  return Buffer.from(instruction.data).readUInt32LE(0);
}

function decodeKnownProgram(
  programId: string,
  instruction: CompiledInstruction,
  accountKeys: readonly string[],
): DecodedInstruction {
  switch (programId) {
    case ProgramIds.system:
      return { program: 'system', instruction: decodeSystemInstruction(instruction, accountKeys) };
    case ProgramIds.stake:
      return { program: 'stake', instruction: decodeStakeInstruction(instruction, accountKeys) };
    case ProgramIds.computeBudget:
      return {
        program: 'compute-budget',
        instruction: decodeComputeBudgetInstruction(instruction),
      };
    case ProgramIds.memo:
      return { program: 'ignored', name: 'memo' };
    case ProgramIds.serumAssertOwner:
    case ProgramIds.serumAssertOwnerPhantom:
      return { program: 'ignored', name: 'serum-assert-owner' };
    case ProgramIds.vote:
      return { program: 'unmodelled', name: 'vote', discriminator: firstU32(instruction) };
    case ProgramIds.splToken:
    case ProgramIds.splToken2022:
      return { program: 'unmodelled', name: 'spl-token', discriminator: firstByte(instruction) };
    case ProgramIds.associatedTokenAccount:
      return {
        program: 'unmodelled',
        name: 'associated-token-account',
        discriminator: firstByte(instruction),
      };
    default:
      return { program: 'unrecognized', reason: `Unknown program ${programId}` };
  }
}

/** Classifies and decodes one compiled instruction of a message. */
export function decodeInstruction(
  instruction: CompiledInstruction,
  accountKeys: readonly string[],
): DecodedInstruction {
  const programId = accountKeys[instruction.programIdIndex] ?? '';

  try {
    return decodeKnownProgram(programId, instruction, accountKeys);
  } catch (error) {
    if (error instanceof InstructionDecodeError || error instanceof MalformedBytesError) {
      return { program: 'unrecognized', reason: `${programId}: ${error.message}` };
    }
    throw error;
  }
}
