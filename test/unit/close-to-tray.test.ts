import { describe, expect, it } from 'vitest';
import { closeToTray } from '../../src/main/desktop/close-to-tray';
import { desktopWords } from '../../src/main/desktop/desktop-text';

/** Closing the window with the tray up hides it (seats keep beating); quitting closes for real. */
describe('closing the window with a tray icon', () => {
  function window() {
    const log: string[] = [];
    const policy = closeToTray({
      productName: 'Acme CAD',
      words: desktopWords('en', 'en-GB'),
      hide: () => log.push('hide'),
      tell: (notice) => log.push(`tell: ${notice.title}`),
    });
    const close = () => {
      let prevented = false;
      policy.onClose({ preventDefault: () => (prevented = true) });
      return prevented ? 'kept running' : 'closed';
    };
    return { policy, log, close };
  }

  it('hides the window instead of quitting, and says so the first time only', () => {
    const { log, close } = window();
    expect(close()).toBe('kept running');
    expect(close()).toBe('kept running');
    expect(log).toEqual(['hide', 'tell: Acme CAD is still running', 'hide']);
  });

  it('lets the window close once the app quits', () => {
    const { policy, log, close } = window();
    policy.onQuit();
    expect(close()).toBe('closed');
    expect(log).toEqual([]);
  });
});
