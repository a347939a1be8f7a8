import { WalletError, isWalletError } from '../../shared/errors';

type PromptOperation = 'verify-address' | 'sign-message';

const repeatStep: Record<PromptOperation, string> = {
  'verify-address':
    'The Ledger locked while it showed the address. Unlock it, then verify the address again.',
  'sign-message':
    'The Ledger locked while it showed the transaction. Nothing was signed. Unlock it, then sign again.',
};

/**
 * Adds the operation and the step to repeat to a LEDGER_LOCKED error raised by a prompt's
 * exchange. The device answers the prompt with 0x5515 when it locks, so the prompt is gone
 * and the person must start it again after unlocking. Other errors are returned unchanged.
 */
export function explainLockDuringPrompt(error: unknown, operation: PromptOperation): unknown {
  if (!isWalletError(error) || error.code !== 'LEDGER_LOCKED') {
    return error;
  }
  const statusWord = readStatusWord(error.context);
  return new WalletError(
    'LEDGER_LOCKED',
    statusWord === undefined ? { operation } : { operation, statusWord },
    repeatStep[operation],
    { cause: error },
  );
}

function readStatusWord(context: object): string | undefined {
  const value: unknown = Reflect.get(context, 'statusWord');
  return typeof value === 'string' ? value : undefined;
}
