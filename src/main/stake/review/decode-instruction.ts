import type { ProgramName, ReviewAction } from '../../../shared/domain/stake';
import {
  COMPUTE_BUDGET_PROGRAM_ID,
  MEMO_PROGRAM_ID,
  MEMO_V1_PROGRAM_ID,
  STAKE_PROGRAM_ID,
  SYSTEM_PROGRAM_ID,
} from '../addresses';
import { ByteReadError } from '../bytes';
import { decodeComputeBudgetInstruction } from './decode-compute-budget';
import { MissingAccountError, unknownAction } from './decode-result';
import { decodeStakeInstruction } from './decode-stake';
import { decodeSystemInstruction } from './decode-system';

const programNames = new Map<string, ProgramName>([
  [SYSTEM_PROGRAM_ID.toBase58(), 'system'],
  [STAKE_PROGRAM_ID.toBase58(), 'stake'],
  [COMPUTE_BUDGET_PROGRAM_ID.toBase58(), 'computeBudget'],
  [MEMO_PROGRAM_ID.toBase58(), 'memo'],
  [MEMO_V1_PROGRAM_ID.toBase58(), 'memo'],
]);

export function programNameOf(programId: string): ProgramName {
  return programNames.get(programId) ?? 'other';
}

/**
 * Decodes one instruction into a review action from its program id, account addresses and
 * data. Data or accounts it cannot read give an `unknown` action with the reason, not an
 * exception.
 */
export function decodeInstruction(
  programId: string,
  accounts: readonly string[],
  data: Uint8Array,
): ReviewAction {
  const program = programNameOf(programId);
  try {
    const action = decodeForProgram(program, accounts, data);
    return (
      action ??
      unknownAction(program === 'other' ? 'unknownProgram' : 'unknownInstruction', accounts, data)
    );
  } catch (error) {
    if (error instanceof ByteReadError) {
      return unknownAction('malformedData', accounts, data);
    }
    if (error instanceof MissingAccountError) {
      return unknownAction('missingAccounts', accounts, data);
    }
    throw error;
  }
}

function decodeForProgram(
  program: ProgramName,
  accounts: readonly string[],
  data: Uint8Array,
): ReviewAction | null {
  switch (program) {
    case 'system':
      return decodeSystemInstruction(data, accounts);
    case 'stake':
      return decodeStakeInstruction(data, accounts);
    case 'computeBudget':
      return decodeComputeBudgetInstruction(data);
    case 'memo':
      return decodeMemo(data, accounts);
    case 'other':
      return null;
  }
}

function decodeMemo(data: Uint8Array, accounts: readonly string[]): ReviewAction {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return { kind: 'memo', text, signers: [...accounts] };
  } catch {
    throw new ByteReadError('memo is not valid UTF-8', 0);
  }
}
