import {
  printAuthorizeBoth,
  printCreateAndDelegate,
  printCreateNonceAccount,
  printCreateStakeAccount,
} from './composite-patterns';
import type { PrintConfig } from './print-config';
import { matchesBriefs, type ReviewableInstruction } from './reviewable';
import {
  printAllocateAssignSplit,
  printCreateAccountSplit,
  printPrefundedSeededSplit,
  printPrefundedSplit,
  printSeededSplit,
} from './split-patterns';
import { printStakeInstruction } from './stake-printer';
import { printSystemInstruction } from './system-printer';
import type { TransactionSummary } from './transaction-summary';

type PatternPrinter = (
  summary: TransactionSummary,
  entries: readonly ReviewableInstruction[],
  config: PrintConfig,
) => boolean;

interface Pattern {
  readonly briefs: readonly (readonly string[])[];
  readonly print: PatternPrinter;
}

const CREATE = ['system/create-account'];
const CREATE_WITH_SEED = ['system/create-account-with-seed'];
const INITIALIZE_ANY = ['stake/initialize', 'stake/initialize-checked'];

/**
 * The multi-instruction shapes the app recognises, in the order it tries them. A shape must
 * match the whole remaining list: the app switches on the instruction count first.
 */
const PATTERNS: readonly Pattern[] = [
  { briefs: [CREATE, INITIALIZE_ANY], print: printCreateStakeAccount },
  { briefs: [CREATE_WITH_SEED, INITIALIZE_ANY], print: printCreateStakeAccount },
  { briefs: [CREATE, ['system/initialize-nonce']], print: printCreateNonceAccount },
  { briefs: [CREATE_WITH_SEED, ['system/initialize-nonce']], print: printCreateNonceAccount },
  { briefs: [['stake/authorize'], ['stake/authorize']], print: printAuthorizeBoth },
  {
    briefs: [['stake/authorize-checked'], ['stake/authorize-checked']],
    print: printAuthorizeBoth,
  },
  { briefs: [['system/allocate-with-seed'], ['stake/split']], print: printSeededSplit },
  { briefs: [CREATE, ['stake/split']], print: printCreateAccountSplit },
  { briefs: [CREATE_WITH_SEED, ['stake/split']], print: printSeededSplit },
  // CreateAccount(WithSeed) + InitializeChecked + Delegate is deliberately absent.
  { briefs: [CREATE, ['stake/initialize'], ['stake/delegate']], print: printCreateAndDelegate },
  {
    briefs: [CREATE_WITH_SEED, ['stake/initialize'], ['stake/delegate']],
    print: printCreateAndDelegate,
  },
  {
    briefs: [['system/allocate'], ['system/assign'], ['stake/split']],
    print: printAllocateAssignSplit,
  },
  {
    briefs: [['system/transfer'], ['system/allocate-with-seed'], ['stake/split']],
    print: printPrefundedSeededSplit,
  },
  {
    briefs: [['system/transfer'], ['system/allocate'], ['system/assign'], ['stake/split']],
    print: printPrefundedSplit,
  },
];

/**
 * Prints the instructions left after nonce and compute-budget stripping. Returns false when
 * the app would not show them in clear.
 */
export function printInstructions(
  summary: TransactionSummary,
  entries: readonly ReviewableInstruction[],
  config: PrintConfig,
): boolean {
  const [only] = entries;
  if (entries.length === 1 && only) {
    switch (only.program) {
      case 'system':
        printSystemInstruction(summary, only.instruction, config);
        return true;
      case 'stake':
        printStakeInstruction(summary, only.instruction, config);
        return true;
      case 'compute-budget':
        return false;
    }
  }

  const pattern = PATTERNS.find((candidate) => matchesBriefs(entries, candidate.briefs));
  return pattern ? pattern.print(summary, entries, config) : false;
}
