import type { CompiledInstruction } from '../message/message-parser';

/** Raised when an instruction has fewer accounts or data bytes than the app's parser needs. */
export class InstructionDecodeError extends Error {
  override readonly name = 'InstructionDecodeError';
}

/** Walks an instruction's accounts in order, resolving each index to its base58 key. */
export class AccountCursor {
  private next = 0;

  constructor(
    private readonly instruction: CompiledInstruction,
    private readonly accountKeys: readonly string[],
  ) {}

  /** Returns the next account, or throws when the instruction lists no more accounts. */
  take(role: string): string {
    const index = this.instruction.accountIndexes[this.next];
    const key = index === undefined ? undefined : this.accountKeys[index];
    if (key === undefined) {
      throw new InstructionDecodeError(`Missing account "${role}"`);
    }
    this.next += 1;
    return key;
  }

  /** Index into the message keys of the next account, then moves past it. */
  takeIndex(role: string): number {
    const index = this.instruction.accountIndexes[this.next];
    if (index === undefined) {
      throw new InstructionDecodeError(`Missing account "${role}"`);
    }
    this.next += 1;
    return index;
  }

  skip(role: string): void {
    this.take(role);
  }

  /** Returns the next account if there is one, for optional accounts such as a custodian. */
  takeOptional(): string | null {
    const index = this.instruction.accountIndexes[this.next];
    if (index === undefined) {
      return null;
    }
    this.next += 1;
    return this.accountKeys[index] ?? null;
  }
}
