import type { z } from 'zod';

import { appEvents, appMethods } from './app';
import { chainEvents, chainMethods } from './chain';
import { ledgerEvents, ledgerMethods } from './ledger';
import { offlineEvents, offlineMethods } from './offline';
import { stakeEvents, stakeMethods } from './stake';
import type { EventSpec, MethodSpec, Result } from './define';

/**
 * The bridge contract: every request method and every pushed event. The preload, the
 * Electron handlers and the browser host are all generated from these two tables.
 */
export const contract = {
  ...appMethods,
  ...ledgerMethods,
  ...chainMethods,
  ...offlineMethods,
  ...stakeMethods,
} satisfies Record<string, MethodSpec>;

export const events = {
  ...appEvents,
  ...ledgerEvents,
  ...chainEvents,
  ...offlineEvents,
  ...stakeEvents,
} satisfies Record<string, EventSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const methodNames = Object.keys(contract) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** IPC channel of a method; derived from the name so no channel is written twice. */
export function channelOf(method: MethodName): string {
  return `wallet:${method}`;
}

export const eventChannel = 'wallet:event';

export interface EventMessage<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** The API exposed to the page as `window.wallet`. */
export type WalletApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
} & {
  subscribe<E extends EventName>(name: E, listener: EventListener<E>): () => void;
};

export type { Result } from './define';
