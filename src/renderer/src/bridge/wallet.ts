import type {
  EventListener,
  EventName,
  MethodInput,
  MethodName,
  MethodOutput,
  Result,
} from '../../../shared/contract';
import { WalletError } from '../../../shared/errors';

type Invoke<M extends MethodName> = (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

/**
 * Calls a contract method and returns its value, or throws the typed WalletError that
 * the main process returned as data.
 */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const invoke = window.wallet[method] as Invoke<M>;
  const result = await invoke(input);
  if (!result.ok) {
    throw WalletError.fromData(result.error);
  }
  return result.value;
}

export function subscribe<E extends EventName>(name: E, listener: EventListener<E>): () => void {
  return window.wallet.subscribe(name, listener);
}

/** False only when the page was opened without a bridge, for example as a bare file. */
export function hasBridge(): boolean {
  return typeof window.wallet === 'object';
}
