import type { ChainCheck } from '../contract/ledger';

/** The check's result as the review page shows it: a heading sentence and its details. */
export interface ChainCheckText {
  /** `ok` and `blocked` style the notice; `unchecked` is the warning style. */
  tone: 'ok' | 'blocked' | 'unchecked';
  title: string;
  details: string[];
  /** Sentence on signing in the app, shown after the details. */
  signingNote: string | null;
  /** False when the transaction is known to fail, so the page must not offer signing. */
  signable: boolean;
}

/** Describes the result of the cluster check of a reviewed transaction in plain words. */
export function describeChainCheck(check: ChainCheck): ChainCheckText {
  switch (check.outcome) {
    case 'ok':
      return {
        tone: 'ok',
        title: `The cluster ran this transaction without an error at slot ${check.slot}.`,
        details:
          check.unitsConsumed === null ? [] : [`It used ${check.unitsConsumed} compute units.`],
        signingNote: null,
        signable: true,
      };
    case 'failed':
      return {
        tone: 'blocked',
        title: `The cluster would reject this transaction (simulated at slot ${check.slot}): ${check.title}.`,
        details: [
          check.detail,
          check.instructionIndex === null
            ? `Runtime error: ${check.errorName}.`
            : `Runtime error: ${check.errorName}, in instruction ${check.instructionIndex + 1}.`,
        ],
        signingNote: 'Signing is off because the transaction would fail.',
        signable: false,
      };
    case 'expired':
      return {
        tone: 'blocked',
        title: `The blockhash ${check.blockhash} has expired (checked at slot ${check.slot}).`,
        details: [
          'The cluster does not accept transactions with this blockhash, because it is too old or comes from another cluster. Have the transaction rebuilt with a recent blockhash or a durable nonce, on the cluster chosen in Settings.',
        ],
        signingNote: 'Signing is off because the transaction would fail.',
        signable: false,
      };
    case 'nonceMoved':
      return {
        tone: 'blocked',
        title: `The durable nonce of this transaction was already used (checked at slot ${check.slot}).`,
        details: [
          check.currentNonce === null
            ? `The nonce account ${check.nonceAccount} is missing or is not a nonce account.`
            : `The nonce account ${check.nonceAccount} now holds ${check.currentNonce}, not ${check.messageNonce}.`,
        ],
        signingNote: 'Signing is off because the transaction would fail.',
        signable: false,
      };
    case 'notChecked':
      return {
        tone: 'unchecked',
        title: 'Not checked against the cluster: this transaction may fail when it is sent.',
        details: [check.detail],
        signingNote: 'You can still sign it, for example on a computer without a network.',
        signable: true,
      };
  }
}
