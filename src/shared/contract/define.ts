import { z } from 'zod';

import { walletErrorDataSchema, type WalletErrorData } from '../errors';

/** One request method of the bridge: its input and output schemas. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** What the method does, for readers of the contract table. */
  readonly summary: string;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O>,
): MethodSpec<I, O> {
  return spec;
}

/** One event the main process pushes to the renderer. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly summary: string;
}

export function defineEvent<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WalletErrorData };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: walletErrorDataSchema }),
  ]);
}

/** A method with no input takes an empty object, so every call has the same shape. */
export const noInput = z.object({}).strict();
