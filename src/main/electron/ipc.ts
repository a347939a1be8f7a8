import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Logger } from 'pino';

import { channelOf, eventChannel, methodNames } from '../../shared/contract';
import { WalletError } from '../../shared/errors';
import { dispatchCall } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import type { EventBus } from '../event-bus';

/**
 * Registers one `ipcMain.handle` per contract method. A call is served only when it
 * comes from the main frame of the app's own window and page.
 */
export function registerIpcHandlers(
  handlers: Handlers,
  logger: Logger,
  isAppFrame: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), async (event, input: unknown) => {
      if (!isAppFrame(event)) {
        const origin = event.senderFrame?.url ?? 'unknown';
        logger.warn({ method, origin }, 'rejected a call from a frame outside the app');
        return { ok: false, error: new WalletError('FORBIDDEN_SENDER', { origin }).toData() };
      }
      const controller = new AbortController();
      event.sender.once('destroyed', () => controller.abort());
      return dispatchCall(handlers, logger, method, input, { signal: controller.signal });
    });
  }
}

export function forwardEvents(bus: EventBus, contents: WebContents): () => void {
  return bus.addSink((message) => {
    if (!contents.isDestroyed()) {
      contents.send(eventChannel, message);
    }
  });
}
