import type { Logger } from 'pino';

import { contract, isMethodName, type MethodName, type Result } from '../../shared/contract';
import { isWalletError, WalletError, type WalletErrorData } from '../../shared/errors';
import type { CallContext, Handlers } from './handlers';

function failure(error: WalletError): Result<never> {
  return { ok: false, error: error.toData() };
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]) {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/**
 * Runs one bridge call: checks the method name, validates the input against the
 * contract, runs the handler and validates what it returns. Never throws; every
 * failure becomes `{ ok: false, error }` with a stable code.
 */
export async function dispatchCall(
  handlers: Handlers,
  logger: Logger,
  method: unknown,
  rawInput: unknown,
  context: CallContext,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
    logger.warn({ method: name }, 'rejected call to an unknown method');
    return failure(new WalletError('UNKNOWN_METHOD', { method: name }));
  }

  const spec = contract[method];
  const parsed = spec.input.safeParse(rawInput);
  if (!parsed.success) {
    logger.warn({ method }, 'rejected call with invalid input');
    return failure(
      new WalletError('INVALID_REQUEST', { method, issues: describeIssues(parsed.error.issues) }),
    );
  }

  return runHandler(handlers, logger, method, parsed.data, context);
}

async function runHandler(
  handlers: Handlers,
  logger: Logger,
  method: MethodName,
  input: unknown,
  context: CallContext,
): Promise<Result<unknown>> {
  const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<unknown>;

  let value: unknown;
  try {
    value = await handler(input, context);
  } catch (error) {
    return failure(toWalletError(error, method, logger));
  }

  const checked = contract[method].output.safeParse(value);
  if (!checked.success) {
    logger.error(
      { method, issues: describeIssues(checked.error.issues) },
      'handler returned a value outside the contract',
    );
    return failure(new WalletError('INVALID_RESPONSE', { method }));
  }
  return { ok: true, value: checked.data };
}

function toWalletError(error: unknown, method: MethodName, logger: Logger): WalletError {
  if (isWalletError(error)) {
    logger.info({ method, code: error.code }, 'call failed');
    return error;
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new WalletError('CANCELLED', {});
  }
  logger.error({ method, err: error }, 'call failed with an unexpected error');
  return new WalletError('INTERNAL', { method });
}

export type { WalletErrorData };
