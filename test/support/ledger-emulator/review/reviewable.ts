import type { DecodedInstruction } from '../instructions/decode-instruction';
import type { StakeInstruction } from '../instructions/stake-instructions';
import type { SystemInstruction } from '../instructions/system-instructions';

/** An instruction the review code can print or strip. */
export type ReviewableInstruction = Extract<
  DecodedInstruction,
  { program: 'system' | 'stake' | 'compute-budget' }
>;

/** Short tag of an instruction, the unit the app's multi-instruction patterns are written in. */
export function briefOf(entry: ReviewableInstruction): string {
  switch (entry.program) {
    case 'system':
      return `system/${entry.instruction.kind}`;
    case 'stake': {
      const checked = 'checked' in entry.instruction && entry.instruction.checked ? '-checked' : '';
      return `stake/${entry.instruction.kind}${checked}`;
    }
    case 'compute-budget':
      return `compute-budget/${entry.instruction.kind}`;
  }
}

export function matchesBriefs(
  entries: readonly ReviewableInstruction[],
  briefs: readonly (readonly string[])[],
): boolean {
  return (
    entries.length === briefs.length &&
    entries.every((entry, index) => briefs[index]?.includes(briefOf(entry)) ?? false)
  );
}

export function systemAt<K extends SystemInstruction['kind']>(
  entries: readonly ReviewableInstruction[],
  index: number,
  kind: K,
): Extract<SystemInstruction, { kind: K }> {
  const entry = entries[index];
  if (entry?.program !== 'system' || entry.instruction.kind !== kind) {
    throw new Error(`Instruction ${index} is not system/${kind}`);
  }
  return entry.instruction as Extract<SystemInstruction, { kind: K }>;
}

export function stakeAt<K extends StakeInstruction['kind']>(
  entries: readonly ReviewableInstruction[],
  index: number,
  kind: K,
): Extract<StakeInstruction, { kind: K }> {
  const entry = entries[index];
  if (entry?.program !== 'stake' || entry.instruction.kind !== kind) {
    throw new Error(`Instruction ${index} is not stake/${kind}`);
  }
  return entry.instruction as Extract<StakeInstruction, { kind: K }>;
}
