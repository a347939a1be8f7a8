import { describe, expect, it } from 'vitest';

import { describeSimulationError } from '../../../src/main/stake';

const STAKE = 'Stake11111111111111111111111111111111111111';
const SYSTEM = '11111111111111111111111111111111';
const OTHER = 'Vote111111111111111111111111111111111111111';

describe('describeSimulationError', () => {
  it('returns null for success', () => {
    expect(describeSimulationError(null, [])).toBeNull();
  });

  it('explains stake custom error 0x6 as a merge mismatch', () => {
    const logs = [
      `Program ${STAKE} invoke [1]`,
      'Checking if destination stake is mergeable',
      `Program ${STAKE} failed: custom program error: 0x6`,
    ];
    const failure = describeSimulationError({ InstructionError: [0, { Custom: 6 }] }, logs);

    expect(failure).toMatchObject({
      instructionIndex: 0,
      programId: STAKE,
      customCode: 6,
      errorName: 'MergeMismatch',
    });
    expect(failure?.title).toBe('The accounts cannot be merged');
  });

  it('reads the failing program from the message when given', () => {
    const failure = describeSimulationError({ InstructionError: [1, { Custom: 12 }] }, null, [
      SYSTEM,
      STAKE,
    ]);
    expect(failure).toMatchObject({ programId: STAKE, errorName: 'InsufficientDelegation' });
  });

  it('counts only top-level invocations to find the program', () => {
    const logs = [
      `Program ComputeBudget111111111111111111111111111111 invoke [1]`,
      `Program ComputeBudget111111111111111111111111111111 success`,
      `Program ${SYSTEM} invoke [1]`,
      `Program ${SYSTEM} failed: custom program error: 0x0`,
    ];
    expect(describeSimulationError({ InstructionError: [1, { Custom: 0 }] }, logs)).toMatchObject({
      programId: SYSTEM,
      errorName: 'AccountAlreadyInUse',
    });
  });

  it('names the shortfall of a failed transfer', () => {
    const logs = [
      `Program ${SYSTEM} invoke [1]`,
      'Transfer: insufficient lamports 0, need 2282880',
      `Program ${SYSTEM} failed: custom program error: 0x1`,
    ];
    const custom = describeSimulationError({ InstructionError: [0, { Custom: 1 }] }, logs);
    expect(custom).toMatchObject({ errorName: 'ResultWithNegativeLamports' });

    const plain = describeSimulationError({ InstructionError: [0, 'InsufficientFunds'] }, logs, [
      SYSTEM,
    ]);
    expect(plain?.detail).toContain('add at least 2282880 lamports');
  });

  it('explains instruction errors of the stake program', () => {
    expect(
      describeSimulationError({ InstructionError: [0, 'InsufficientFunds'] }, [], [STAKE]),
    ).toMatchObject({
      errorName: 'InsufficientFunds',
      title: 'Not enough lamports for this amount',
    });
  });

  it('explains transaction-level errors', () => {
    expect(describeSimulationError('InsufficientFundsForFee', [])?.title).toBe(
      'The fee payer cannot pay the fee',
    );
    expect(describeSimulationError('BlockhashNotFound', [])?.title).toBe('The transaction expired');
    expect(describeSimulationError('AccountNotFound', [])?.detail).toContain(
      'send SOL to it first',
    );
    expect(
      describeSimulationError({ InsufficientFundsForRent: { account_index: 0 } }, [])?.detail,
    ).toContain('Account 0');
  });

  it('falls back to the raw names for what it does not know', () => {
    expect(
      describeSimulationError({ InstructionError: [0, { Custom: 99 }] }, [], [OTHER]),
    ).toMatchObject({
      errorName: 'Custom(99)',
      title: 'Instruction 1 failed with custom program error 0x63',
    });
    expect(describeSimulationError('SomethingNew', [])?.errorName).toBe('SomethingNew');
    expect(
      describeSimulationError({ InstructionError: [2, { BorshIoError: 'x' }] }, []),
    ).toMatchObject({ errorName: 'BorshIoError', instructionIndex: 2 });
  });
});
