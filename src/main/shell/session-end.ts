/** The app's window as used here (BrowserWindow; Windows only). */
interface SessionEndNotice {
  on(event: 'session-end', listener: () => void): unknown;
}

/** powerMonitor as used here (Linux): the docs and Electron pass an event its d.ts leaves out. */
interface ShutdownNotice {
  on(event: 'shutdown', listener: (...args: unknown[]) => void): unknown;
}

/**
 * Held seats given back when the computer shuts down, restarts or logs the user off. On macOS
 * Electron quits the usual way then ('before-quit', where the app gives seats back); elsewhere:
 * - Windows ends the session without 'before-quit'. Once it says the session ends ('session-end')
 *   nothing can stop it, so the seats are given back then, as far as Windows lets the process
 *   live; a seat cut short lapses on the server at its expiry, as after a crash.
 * - Linux: Electron holds a shutdown or restart back while the app quits the usual way (its
 *   powerMonitor says nothing of a log-off).
 */
export function quitWithTheSession(options: {
  readonly app: { quit(): void };
  readonly window: SessionEndNotice;
  readonly powerMonitor: ShutdownNotice;
  readonly platform: NodeJS.Platform;
  /** Gives the seats back (bounded); the app's own quit does it only once. */
  readonly release: () => void;
}): void {
  if (options.platform === 'win32') options.window.on('session-end', options.release);
  if (options.platform === 'linux')
    options.powerMonitor.on('shutdown', (...args) => {
      (args[0] as { preventDefault(): void }).preventDefault();
      options.app.quit();
    });
}
