import type { ReviewField } from './review/transaction-summary';

/** Kind of request the person confirms on the device. */
export type RequestKind = 'get-address' | 'sign-transaction' | 'sign-offchain-message' | 'open-app';

/** One step of a review on the device. */
export type Screen =
  | { readonly kind: 'warning'; readonly title: string; readonly value: string }
  | { readonly kind: 'field'; readonly title: string; readonly value: string }
  | { readonly kind: 'approve'; readonly title: 'Approve' }
  | { readonly kind: 'reject'; readonly title: 'Reject' };

/** A prompt the app raises; the emulator turns it into a pending request for the person. */
export interface ConfirmationPrompt {
  readonly kind: RequestKind;
  readonly warnings: readonly ReviewField[];
  readonly fields: readonly ReviewField[];
  readonly blindSigning: boolean;
  /** Response data once approved: a public key, a signature, or nothing. */
  readonly approve: () => Uint8Array;
  readonly producesSignature: boolean;
  readonly rejectStatusWord: number;
}

/** Lists the screens of a prompt in Nano order: warnings, fields, then Approve and Reject. */
export function screensOf(prompt: ConfirmationPrompt): Screen[] {
  return [
    ...prompt.warnings.map((field): Screen => ({ kind: 'warning', ...field })),
    ...prompt.fields.map((field): Screen => ({ kind: 'field', ...field })),
    { kind: 'approve', title: 'Approve' },
    { kind: 'reject', title: 'Reject' },
  ];
}

/** Title and value of every field screen, the form tests compare against. */
export function fieldsOf(screens: readonly Screen[]): [string, string][] {
  return screens.flatMap((screen): [string, string][] =>
    screen.kind === 'field' ? [[screen.title, screen.value]] : [],
  );
}
