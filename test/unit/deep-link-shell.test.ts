import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The Electron side of activation links, against a stand-in `electron` module: the app registers
 * for licensemgr://, and every way the OS delivers a link (macOS open-url, possibly before the app
 * is ready; a second instance's arguments; this process's own arguments) reaches the inbox.
 */
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<string, Listener>();
  const setAsDefaultProtocolClient = vi.fn(() => true);
  return {
    listeners,
    setAsDefaultProtocolClient,
    module: {
      app: {
        on: (event: string, listener: Listener) => listeners.set(event, listener),
        setAsDefaultProtocolClient,
      },
    },
  };
});
vi.mock('electron', () => electron.module);

const { listenForLinks } = await import('../../src/main/shell/deep-links');
const { createLinkInbox } = await import('../../src/main/desktop/link-inbox');

const PROFILES = [{ id: 'seats', activationMethods: ['key' as const] }];
const KEY_LINK = 'licensemgr://activate?key=ABCD-EFGH';

describe('activation links from the OS', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    electron.listeners.clear();
    electron.setAsDefaultProtocolClient.mockClear();
  });

  it('registers the app as the handler of licensemgr:// links', () => {
    listenForLinks(createLinkInbox());
    expect(electron.setAsDefaultProtocolClient).toHaveBeenCalledWith('licensemgr');
  });

  it('hands a macOS open-url link to the inbox, and keeps it from the OS default handling', () => {
    const inbox = createLinkInbox();
    listenForLinks(inbox);
    const event = { preventDefault: vi.fn() };
    electron.listeners.get('open-url')?.(event, KEY_LINK);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(inbox.take(PROFILES)).toEqual({ kind: 'activate', key: 'ABCD-EFGH' });
  });

  it('hands over the link in a second instance’s arguments, and ignores one without', () => {
    const inbox = createLinkInbox();
    listenForLinks(inbox);
    const secondInstance = electron.listeners.get('second-instance');
    secondInstance?.({}, ['/opt/app/app', '--no-sandbox']);
    expect(inbox.take(PROFILES)).toEqual({ kind: 'none' });
    secondInstance?.({}, ['/opt/app/app', '--no-sandbox', KEY_LINK]);
    expect(inbox.take(PROFILES)).toEqual({ kind: 'activate', key: 'ABCD-EFGH' });
  });

  it('keeps the link the app was started with until the renderer takes it', () => {
    process.argv = ['/opt/app/app', KEY_LINK];
    const inbox = createLinkInbox();
    listenForLinks(inbox);
    expect(inbox.take(PROFILES)).toEqual({ kind: 'activate', key: 'ABCD-EFGH' });
  });
});
