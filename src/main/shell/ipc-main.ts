import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_IPC } from '../../shared/channels';
import type { CoreEvent } from '../core';
import type { Dispatcher } from '../ipc/dispatch';
import { isTrustedUrl } from '../security/trusted-origin';

/**
 * Every invoke goes through here: the sender must be our main frame on a trusted origin, then the
 * dispatcher parses the payload against the contract. Messages from anything else are dropped
 * with an error Result, never handled.
 */
export function registerIpc(dispatch: Dispatcher, trustedOrigins: readonly string[]): void {
  ipcMain.handle(
    INVOKE_IPC,
    async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
      const frame = event.senderFrame;
      const fromMainFrame = frame !== null && frame === event.sender.mainFrame;
      if (!fromMainFrame || !isTrustedUrl(frame.url, trustedOrigins)) {
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            message: 'Request refused: it did not come from the app.',
            retryable: false,
          },
        };
      }
      return dispatch(channel, payload);
    },
  );
}

/** Pushes every core event to the window on its own channel (the preload's fixed list). */
export function forwardEvents(
  window: BrowserWindow,
  subscribe: (listener: (event: CoreEvent) => void) => () => void,
): () => void {
  return subscribe(({ channel, payload }) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  });
}
