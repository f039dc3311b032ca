import { resolve } from 'node:path';
import { app } from 'electron';
import { DEEP_LINK_SCHEME, linkFromArgv } from '../desktop/deep-link';
import type { LinkInbox } from '../desktop/link-inbox';

/**
 * Registers the app for `licensemgr://` links and hands every link the OS delivers to the inbox:
 * macOS sends `open-url` (possibly before the app is ready: this must run at load time); Windows
 * and Linux start the app with the link in its arguments, or, when it already runs, start a
 * second process whose arguments arrive here as `second-instance`.
 */
export function listenForLinks(inbox: LinkInbox): void {
  // Started from a source tree (`electron .`), the OS must be told which app to pass to Electron.
  const appPath = process.argv[1];
  if (process.defaultApp && appPath !== undefined)
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(appPath)]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

  app.on('open-url', (event, url) => {
    event.preventDefault();
    inbox.receive(url);
  });
  app.on('second-instance', (_event, argv) => {
    const link = linkFromArgv(argv);
    if (link !== undefined) inbox.receive(link);
  });
  const atLaunch = linkFromArgv(process.argv);
  if (atLaunch !== undefined) inbox.receive(atLaunch);
}
