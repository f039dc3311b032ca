import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_IPC } from '../../shared/channels';
import type { CoreEvent } from '../core';
import type { Dispatcher } from '../ipc/dispatch';
import { createIpcGate, type IpcSender } from '../ipc/ipc-gate';
import type { RefusalLog } from '../ipc/refusal-log';

/** What Electron says about the sender; `senderFrame` is null once the frame is gone. */
const senderOf = (event: IpcMainInvokeEvent): IpcSender => {
  const frame = event.senderFrame;
  return {
    url: frame?.url,
    isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame,
  };
};

/**
 * Every invoke goes through here: the sender must be our main frame on a trusted origin, then the
 * dispatcher parses the payload against the contract (the policy is `createIpcGate`, Electron-free
 * so it is tested under Node). Refusals are answered with an error Result and logged, never handled.
 */
export function registerIpc(
  dispatch: Dispatcher,
  trustedOrigins: readonly string[],
  log: RefusalLog,
): void {
  const gate = createIpcGate({ dispatch, trustedOrigins, log });
  ipcMain.handle(INVOKE_IPC, (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) =>
    gate(senderOf(event), channel, payload),
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
