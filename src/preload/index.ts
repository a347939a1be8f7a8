import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

import {
  channelOf,
  eventChannel,
  isEventName,
  methodNames,
  type EventMessage,
  type EventName,
  type WalletApi,
} from '../shared/contract';
import { createWalletApi, type EventListenerSet } from '../shared/contract/client';

const listeners: EventListenerSet = new Map();

ipcRenderer.on(eventChannel, (_event: IpcRendererEvent, message: EventMessage) => {
  if (!isEventName(message?.name)) {
    return;
  }
  for (const listener of listeners.get(message.name) ?? []) {
    listener(message.payload);
  }
});

const api: WalletApi = createWalletApi(
  methodNames,
  (method, input) => ipcRenderer.invoke(channelOf(method), input),
  listeners,
);

// Only the contract crosses into the page: no ipcRenderer, no generic invoke, no process.
contextBridge.exposeInMainWorld('wallet', api);

export type { EventName };
