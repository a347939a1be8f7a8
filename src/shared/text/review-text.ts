import type { DeviceReview, ReviewWarning } from '../domain/stake';
import { formatSol } from './sol';

/** Describes a review warning in one sentence. */
export function describeWarning(warning: ReviewWarning, name: (address: string) => string): string {
  switch (warning.kind) {
    case 'unknownProgram':
      return `Instruction ${warning.instructionIndex + 1} calls program ${name(warning.programId)}, which the app cannot decode.`;
    case 'largeShareOfBalance':
      return `${formatSol(warning.outgoingLamports)} leaves ${name(warning.account)}: ${warning.percent}% of its balance of ${formatSol(warning.balanceLamports)}.`;
    case 'validatorDelinquent':
      return `Validator ${name(warning.voteAccount)} is delinquent: it has stopped voting, so stake with it earns nothing.`;
    case 'validatorHighCommission':
      return `Validator ${name(warning.voteAccount)} keeps ${warning.commissionPercent}% of the rewards as commission.`;
    case 'validatorSuperminority':
      return `Validator ${name(warning.voteAccount)} is among the largest validators that together hold a third of all stake.`;
    case 'validatorUnknown':
      return `Vote account ${name(warning.voteAccount)} is not a known validator.`;
    case 'addressLookupTables':
      return `The transaction loads accounts from ${warning.tableCount} address lookup table(s), which this review cannot show.`;
    case 'blindSigningRequired':
      return 'The Ledger cannot show this transaction in clear, so it needs blind signing.';
    case 'signerNotRequired':
      return `${name(warning.signer)} is not a required signer of this transaction.`;
    case 'feePayerNotSigner':
      return `The fee is paid by ${name(warning.feePayer)}, not by your signing account.`;
    case 'fundsToOtherKey':
      return `${formatSol(warning.lamports)} goes from ${name(warning.from)} to ${name(warning.to)}, which is not one of your accounts. Check the recipient.`;
    case 'highFee':
      return warning.priorityLamports === '0'
        ? `The fee is ${formatSol(warning.feeLamports)}, far above the usual 0.000005 SOL per signature.`
        : `The fee is ${formatSol(warning.feeLamports)}, of which ${formatSol(warning.priorityLamports)} is a priority fee set by the transaction. Check it before signing.`;
    case 'authorityChangeToOtherKey':
      return `Authority over stake account ${name(warning.stakeAccount)} moves to ${name(warning.newAuthority)}, which is not one of your accounts.`;
    case 'nonceReserved':
      return `The queued transaction "${warning.pendingSummary}" uses the nonce in ${name(warning.nonceAccount)}. Once this transaction lands, that one can no longer land. Discard it on the Activity page first, or sign this one with another nonce.`;
  }
}

/**
 * Says whether the device will show the transaction in clear, and if not, why. The reason
 * matters because the person must decide whether to enable blind signing for it.
 */
export function describeDeviceReview(device: DeviceReview): string {
  switch (device.outcome) {
    case 'clearSign':
      return `Clear signing: Solana app ${device.appVersion} shows every instruction on the Ledger.`;
    case 'blindSign':
      return `Needs blind signing on Solana app ${device.appVersion}: ${describeBlindReason(device.reason)} The Ledger then shows only the message hash.`;
    case 'refused':
      return 'The Ledger will refuse to sign, because your account is not a required signer.';
  }
}

function describeBlindReason(reason: Extract<DeviceReview, { outcome: 'blindSign' }>['reason']) {
  switch (reason.kind) {
    case 'noInstructions':
      return 'the transaction has no instructions.';
    case 'tooManyInstructions':
      return `it has ${reason.instructionCount} instructions and the app shows at most ${reason.maxInstructions} in clear.`;
    case 'addressLookupTables':
      return 'it uses address lookup tables, which the app never shows in clear.';
    case 'unsupportedInstruction':
      return `instruction ${reason.instructionIndex + 1} (${reason.actionKind}) is not one the app can show.`;
    case 'programNotModelled':
      return `instruction ${reason.instructionIndex + 1} calls program ${reason.programId}, which the app cannot show.`;
    case 'computeBudgetOnly':
      return 'it only sets the compute budget, which the app does not show on its own.';
    case 'computeBudgetNotLeading':
      return `compute budget instruction ${reason.instructionIndex + 1} comes after another instruction, and the app shows compute budget only at the start.`;
    case 'unrecognizedPattern':
      return `the app does not know this combination of instructions (${reason.actionKinds.join(', ')}).`;
    case 'accountsMismatch':
      return `the instructions do not refer to the same accounts (${reason.detail}).`;
  }
}
