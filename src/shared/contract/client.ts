import type { EventListener, EventName, MethodName, Result, WalletApi } from './index';

export type EventListenerSet = Map<EventName, Set<(payload: unknown) => void>>;

/**
 * Builds the `window.wallet` object from the list of method names. Both the Electron
 * preload and the browser host's page bridge use it, each with its own transport.
 */
export function createWalletApi(
  methods: readonly MethodName[],
  call: (method: MethodName, input: unknown) => Promise<Result<unknown>>,
  listeners: EventListenerSet,
): WalletApi {
  const api: Record<string, unknown> = {};
  for (const method of methods) {
    api[method] = (input: unknown) => call(method, input ?? {});
  }

  api['subscribe'] = <E extends EventName>(name: E, listener: EventListener<E>) => {
    const set = listeners.get(name) ?? new Set();
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    listeners.set(name, set);
    return () => {
      set.delete(untyped);
    };
  };

  return Object.freeze(api) as WalletApi;
}
