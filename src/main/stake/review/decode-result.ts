import type { ReviewAction, UnknownInstructionReason } from '../../../shared/domain/stake';

const PREFIX_BYTES = 8;

/** Returns the action for an instruction this module cannot decode, with enough to identify it. */
export function unknownAction(
  reason: UnknownInstructionReason,
  accounts: readonly string[],
  data: Uint8Array,
): ReviewAction {
  return {
    kind: 'unknown',
    reason,
    accounts: [...accounts],
    dataLength: data.length,
    dataPrefixHex: Buffer.from(data.subarray(0, PREFIX_BYTES)).toString('hex'),
  };
}

/** Raised inside a decoder when an instruction lists fewer accounts than its layout needs. */
export class MissingAccountError extends Error {
  override readonly name = 'MissingAccountError';
}

/** Returns the account at `position`, or throws MissingAccountError. */
export function accountAt(accounts: readonly string[], position: number, role: string): string {
  const account = accounts[position];
  if (account === undefined) {
    throw new MissingAccountError(`account ${position} (${role}) is missing`);
  }
  return account;
}
