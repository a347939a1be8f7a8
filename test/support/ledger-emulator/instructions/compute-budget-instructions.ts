import { ByteReader } from '../bytes';
import type { CompiledInstruction } from '../message/message-parser';
import { InstructionDecodeError } from './accounts';

/** Compute Budget instructions the app accepts; the deprecated RequestUnits (0) is refused. */
export type ComputeBudgetInstruction =
  | { readonly kind: 'request-heap-frame'; readonly bytes: number }
  | { readonly kind: 'set-compute-unit-limit'; readonly units: number }
  | { readonly kind: 'set-compute-unit-price'; readonly microLamports: bigint }
  | { readonly kind: 'set-loaded-accounts-data-size-limit'; readonly bytes: number };

export function decodeComputeBudgetInstruction(
  instruction: CompiledInstruction,
): ComputeBudgetInstruction {
  const data = new ByteReader(instruction.data);
  const discriminator = data.readU8();

  switch (discriminator) {
    case 1:
      return { kind: 'request-heap-frame', bytes: data.readU32Le() };
    case 2:
      return { kind: 'set-compute-unit-limit', units: data.readU32Le() };
    case 3:
      return { kind: 'set-compute-unit-price', microLamports: data.readU64Le() };
    case 4:
      return { kind: 'set-loaded-accounts-data-size-limit', bytes: data.readU32Le() };
    default:
      throw new InstructionDecodeError(`Compute Budget instruction ${discriminator} is refused`);
  }
}
