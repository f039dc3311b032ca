import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { quitWithTheSession } from '../../src/main/shell/session-end';

/** The shutdown, restart or log-off as each OS tells Electron, on stand-ins for its objects. */
function session(platform: NodeJS.Platform) {
  const window = new EventEmitter();
  const powerMonitor = new EventEmitter();
  const app = { quit: vi.fn() };
  const release = vi.fn();
  quitWithTheSession({ app, window, powerMonitor, platform, release });
  return { window, powerMonitor, app, release };
}

describe('the session ending', () => {
  it('gives the seats back on Windows once the session ends', () => {
    const { window, release } = session('win32');
    // Asking may still be answered with "cancel" by another app: nothing is given back yet.
    window.emit('query-session-end', { preventDefault: vi.fn() });
    expect(release).not.toHaveBeenCalled();
    window.emit('session-end', { reasons: ['shutdown'] });
    expect(release).toHaveBeenCalledTimes(1);
  });

  it('holds a Linux shutdown back and quits the usual way, which gives the seats back', () => {
    const { powerMonitor, app, release } = session('linux');
    const event = { preventDefault: vi.fn() };
    powerMonitor.emit('shutdown', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(release).not.toHaveBeenCalled();
  });

  it('leaves macOS to quit the usual way', () => {
    const { window, powerMonitor, app, release } = session('darwin');
    expect(window.listenerCount('session-end')).toBe(0);
    expect(powerMonitor.listenerCount('shutdown')).toBe(0);
    expect([app.quit, release].map((spy) => spy.mock.calls.length)).toEqual([0, 0]);
  });
});
