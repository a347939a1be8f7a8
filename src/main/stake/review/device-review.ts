import type {
  BlindSigningReason,
  DeviceReview,
  DeviceScreen,
  ReviewAction,
} from '../../../shared/domain/stake';
import { formatSol } from '../amount';
import { deviceProfileFor } from '../device-profile';
import { isComputeBudgetAction } from './action-kinds';
import { deviceMinimumAccounts, isUnmodelledDeviceProgram } from './device-support';
import { printPattern } from './device-patterns';
import type { ParsedMessage } from './message-parser';
import { requiredSignersOf } from './account-keys';
import type { PubkeyDisplay } from './screen-collector';
import { ScreenCollector } from './screen-collector';

export interface DeviceReviewInput {
  message: ParsedMessage;
  /** Decoded instructions in message order. */
  instructions: ReadonlyArray<{ programId: string; action: ReviewAction; accountCount: number }>;
  /** The Ledger key asked to sign. */
  signer: string;
  appVersion: string;
  pubkeyDisplay: PubkeyDisplay;
  /**
   * The device's expert mode setting, which the app does not report: true or false keeps or
   * drops expert-only screens, null keeps them all, flagged `expertOnly`.
   */
  expertMode: boolean | null;
  messageHash: string;
}

/** Lamports per signature the app assumes when it computes "Max fees". */
const DEVICE_LAMPORTS_PER_SIGNATURE = 5000n;
const DEFAULT_UNITS_PER_INSTRUCTION = 200_000n;
const MAX_COMPUTE_UNITS = 1_400_000n;

/**
 * Predicts how the Ledger Solana app treats a message: refused (the key is not a required
 * signer, status 0x6A81), shown in clear with these screens, or blind-signing only, with the
 * reason. Follows the app's pipeline: instruction count limit, known programs, memo dropped
 * from the display, a leading AdvanceNonceAccount stripped, leading compute budget
 * instructions stripped, then the fixed patterns. The screens exclude the device's own
 * framing ("Review transaction", the approve and reject steps).
 */
export function predictDeviceReview(input: DeviceReviewInput): DeviceReview {
  const profile = deviceProfileFor(input.appVersion);
  const base = { appVersion: input.appVersion, appLine: profile.line };

  if (!requiredSignersOf(input.message).includes(input.signer)) {
    return { ...base, outcome: 'refused', reason: 'signerNotRequired' };
  }

  const blind = (reason: BlindSigningReason): DeviceReview => ({
    ...base,
    outcome: 'blindSign',
    reason,
    screens: filterExpert(blindScreens(input), input.expertMode),
  });

  const reason = firstBlockingReason(input, profile.maxInstructions);
  if (reason !== null) {
    return blind(reason);
  }

  const collector = new ScreenCollector({
    line: profile.line,
    signer: input.signer,
    pubkeyDisplay: input.pubkeyDisplay,
  });
  let items = input.instructions
    .map((instruction) => instruction.action)
    .filter((action) => action.kind !== 'memo');

  const nonce = items.length > 1 && items[0]?.kind === 'systemAdvanceNonce' ? items[0] : null;
  if (nonce !== null) {
    items = items.slice(1);
  }

  const countForFee = items.length;
  let leadingBudget: ReviewAction[] = [];
  if (items.length > 1) {
    const firstOther = items.findIndex((action) => !isComputeBudgetAction(action));
    const leading = firstOther === -1 ? items.length : firstOther;
    leadingBudget = items.slice(0, leading);
    items = items.slice(leading);
  }
  const strayBudget = items.findIndex((action) => isComputeBudgetAction(action));
  if (items.length === 0 || (items.length === 1 && strayBudget === 0)) {
    return blind({ kind: 'computeBudgetOnly' });
  }
  if (strayBudget !== -1) {
    return blind({
      kind: 'computeBudgetNotLeading',
      instructionIndex: indexOfAction(input, items[strayBudget]),
    });
  }

  const feePayer = input.message.staticKeys[0] ?? '';
  const outcome = printPattern(collector, items, feePayer);
  switch (outcome.kind) {
    case 'noPattern':
      return blind({
        kind: 'unrecognizedPattern',
        actionKinds: items.map((action) => action.kind),
      });
    case 'accountsMismatch':
      return blind({ kind: 'accountsMismatch', detail: outcome.detail });
    case 'printed':
      break;
  }

  const maxFeeLamports = deviceMaxFee(
    leadingBudget,
    countForFee,
    input.message.header.numRequiredSignatures,
  );
  if (maxFeeLamports !== null) {
    // Release 1.9 shows "Max fees" as the second screen, later releases after the instruction.
    if (profile.line === 'v1.9') {
      collector.addFirst('Max fees', formatSol(maxFeeLamports));
    } else {
      collector.add('Max fees', formatSol(maxFeeLamports));
    }
  }
  if (nonce !== null && nonce.kind === 'systemAdvanceNonce') {
    collector.addNonce(nonce.nonceAccount, nonce.authority);
  }
  collector.setFeePayer(feePayer);

  return {
    ...base,
    outcome: 'clearSign',
    screens: filterExpert(collector.screens(), input.expertMode),
    maxFeeLamports: maxFeeLamports === null ? null : maxFeeLamports.toString(),
  };
}

function firstBlockingReason(
  input: DeviceReviewInput,
  maxInstructions: number,
): BlindSigningReason | null {
  const { message, instructions } = input;
  if (message.lookupTables.length > 0) {
    return { kind: 'addressLookupTables', tableCount: message.lookupTables.length };
  }
  if (instructions.length === 0) {
    return { kind: 'noInstructions' };
  }
  if (instructions.length > maxInstructions) {
    return { kind: 'tooManyInstructions', instructionCount: instructions.length, maxInstructions };
  }

  for (const [index, instruction] of instructions.entries()) {
    if (isUnmodelledDeviceProgram(instruction.programId)) {
      return {
        kind: 'programNotModelled',
        instructionIndex: index,
        programId: instruction.programId,
      };
    }
    const minimum = deviceMinimumAccounts(instruction.action);
    if (minimum === null || instruction.accountCount < minimum) {
      return {
        kind: 'unsupportedInstruction',
        instructionIndex: index,
        actionKind: instruction.action.kind,
      };
    }
  }
  return null;
}

/**
 * Computes the app's "Max fees": 5000 lamports per required signature plus price × units / 10^6
 * (rounded down), where units is the SetComputeUnitLimit value or 200 000 per instruction
 * (compute budget ones included, nonce excluded) up to 1 400 000. Null without a limit or
 * price instruction.
 *
 * NOTE: release 1.9 computes this in 32 bits, so a fee above 2^32 − 1 lamports (about 4.29
 * SOL) wraps on that line. This prediction does not model the wrap.
 */
function deviceMaxFee(
  budget: ReviewAction[],
  instructionCount: number,
  signatures: number,
): bigint | null {
  let limit: bigint | null = null;
  let price: bigint | null = null;
  for (const action of budget) {
    if (action.kind === 'computeBudgetSetComputeUnitLimit') {
      limit = BigInt(action.units);
    }
    if (action.kind === 'computeBudgetSetComputeUnitPrice') {
      price = BigInt(action.microLamports);
    }
  }
  if (limit === null && price === null) {
    return null;
  }

  const defaultUnits = DEFAULT_UNITS_PER_INSTRUCTION * BigInt(instructionCount);
  const units = limit ?? (defaultUnits < MAX_COMPUTE_UNITS ? defaultUnits : MAX_COMPUTE_UNITS);
  return DEVICE_LAMPORTS_PER_SIGNATURE * BigInt(signatures) + ((price ?? 0n) * units) / 1_000_000n;
}

function blindScreens(input: DeviceReviewInput): DeviceScreen[] {
  const collector = new ScreenCollector({
    line: 'current',
    signer: input.signer,
    pubkeyDisplay: input.pubkeyDisplay,
  });
  collector.setPrimary('Unrecognized', 'format');
  collector.add('Message Hash', input.messageHash);
  collector.setFeePayer(input.message.staticKeys[0] ?? '');
  return collector.screens();
}

function filterExpert(screens: DeviceScreen[], expertMode: boolean | null): DeviceScreen[] {
  return expertMode === false ? screens.filter((screen) => !screen.expertOnly) : screens;
}

function indexOfAction(input: DeviceReviewInput, action: ReviewAction | undefined): number {
  return input.instructions.findIndex((instruction) => instruction.action === action);
}

/**
 * Returns the screens the device shows in every expert-mode setting. The app cannot read
 * that setting, so these are the screens an audit line can record as shown.
 */
export function screensShownInAnyMode(device: DeviceReview): DeviceScreen[] {
  return device.outcome === 'refused' ? [] : device.screens.filter((screen) => !screen.expertOnly);
}
