import { z } from 'zod';

import { apiErrorContexts, apiErrorText } from './api';
import { chainErrorContexts, chainErrorText } from './chain';
import { ledgerErrorContexts, ledgerErrorText } from './ledger';
import { storeErrorContexts, storeErrorText } from './store';
import { stakeErrorContexts, stakeErrorText } from './stake';
import { signingErrorContexts, signingErrorText } from './signing';
import { stakeFlowErrorContexts, stakeFlowErrorText } from './stake-flow';
import { offlineErrorContexts, offlineErrorText } from './offline';

/**
 * Every error code the main process can return, with the schema of its context.
 * Codes are stable: never renumber, rename or reuse one. Each domain keeps its own
 * table in this folder and is merged here.
 */
export const errorContexts = {
  ...apiErrorContexts,
  ...chainErrorContexts,
  ...ledgerErrorContexts,
  ...storeErrorContexts,
  ...stakeErrorContexts,
  ...signingErrorContexts,
  ...stakeFlowErrorContexts,
  ...offlineErrorContexts,
};

export type ErrorCode = keyof typeof errorContexts;
export type ErrorContext<C extends ErrorCode> = z.infer<(typeof errorContexts)[C]>;

export interface ErrorText {
  /** Short sentence naming what went wrong. */
  title: string;
  /** Next step for the person. */
  nextStep: string;
}

export const errorText: Record<ErrorCode, ErrorText> = {
  ...apiErrorText,
  ...chainErrorText,
  ...ledgerErrorText,
  ...storeErrorText,
  ...stakeErrorText,
  ...signingErrorText,
  ...stakeFlowErrorText,
  ...offlineErrorText,
};

export const errorCodes = Object.keys(errorContexts) as ErrorCode[];

export const errorCodeSchema = z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]);

/** Plain-data form of an error as it crosses the bridge. */
export const walletErrorDataSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  context: z.record(z.string(), z.unknown()),
});
export type WalletErrorData = z.infer<typeof walletErrorDataSchema>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorContexts, value);
}

/** An error with a stable code and typed context, used on both sides of the bridge. */
export class WalletError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'WalletError';
  readonly code: C;
  readonly context: ErrorContext<C>;

  constructor(code: C, context: ErrorContext<C>, message?: string, options?: ErrorOptions) {
    super(message ?? errorText[code].title, options);
    this.code = code;
    this.context = context;
  }

  toData(): WalletErrorData {
    return { code: this.code, message: this.message, context: { ...this.context } };
  }

  static fromData(data: WalletErrorData): WalletError {
    return new WalletError(data.code, data.context, data.message);
  }
}

export function isWalletError(value: unknown): value is WalletError {
  return value instanceof WalletError;
}
