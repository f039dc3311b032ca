import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, INVOKE_IPC } from '../shared/channels';

// The whole bridge: fixed channels only, payloads only (never the IPC event), nothing else exposed.
const invokeAllowed: readonly string[] = INVOKE_CHANNELS;
const eventAllowed: readonly string[] = EVENT_CHANNELS;

contextBridge.exposeInMainWorld('licenseManager', {
  invoke: (channel: string, input: unknown) =>
    invokeAllowed.includes(channel)
      ? ipcRenderer.invoke(INVOKE_IPC, channel, input)
      : Promise.resolve({
          ok: false,
          error: { code: 'invalid_input', message: 'Unknown request.' },
        }),
  on: (channel: string, listener: (payload: unknown) => void) => {
    if (!eventAllowed.includes(channel)) return () => undefined;
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => void ipcRenderer.removeListener(channel, forward);
  },
});
