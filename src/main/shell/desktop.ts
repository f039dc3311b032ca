import { app, type BrowserWindow } from 'electron';
import { systemClock } from '../../shared/clock';
import type { Core } from '../core';
import { pickLocale, type LocaleChoice } from '../../shared/locale';
import { closeToTray } from '../desktop/close-to-tray';
import { desktopWords } from '../desktop/desktop-text';
import { noticeMemoryIn, warningDaysIn } from '../desktop/desktop-state';
import { followLicences } from '../desktop/licence-follower';
import { createNotificationPlanner } from '../desktop/notification-planner';
import { licenceNames, trayModel, type TrayLicence } from '../desktop/tray-model';
import type { StateStore } from '../store/persisted-state';
import { createNotifier } from './notifications';
import { createAppTray } from './tray';

/** Brings the window to the front: from the tray, a notification, or an activation link. */
export function showWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * The app on the desktop: the tray icon with each licence's state, notifications before a licence
 * ends and when a seat is lost or regained, the window brought forward when a link arrives, and
 * the start-at-login registration renewed. All decisions are made in src/main/desktop.
 */
export async function startDesktopIntegration(options: {
  readonly core: Core;
  readonly window: BrowserWindow;
  readonly state: StateStore;
  readonly trayIcon: string;
}): Promise<() => void> {
  const { core, window } = options;
  const open = () => showWindow(window);
  const { productName, profiles } = core.config;
  const language = systemLanguage();
  const nameOf = licenceNames(productName, core.service.profiles(), language.locale);
  const words = desktopWords(language.locale, language.intlTag);
  const tray = createAppTray({
    iconPath: options.trayIcon,
    onOpen: open,
    onQuit: () => app.quit(),
  });
  const notify = createNotifier(open);
  // The tray is up: closing the window hides it, so held seats keep their heartbeats.
  const closing = closeToTray({
    productName,
    words,
    hide: () => window.hide(),
    tell: notify,
  });
  window.on('close', closing.onClose);
  app.on('before-quit', closing.onQuit);
  const planner = createNotificationPlanner({
    clock: systemClock,
    notify,
    nameOf,
    warningDaysOf: warningDaysIn(profiles),
    memory: noticeMemoryIn(options.state),
    words,
  });
  const render = (licences: readonly TrayLicence[]): void =>
    tray.render(trayModel({ productName, licences, nameOf, words }));
  // Open and Quit from the start: the licences are read next, and a configuration may have none
  // the tray follows (hubs, Eniris), while closing the window now only hides it.
  render([]);
  const stopFollowing = await followLicences(core.service, (view, licences) => {
    planner.observe(view);
    render(licences);
  });
  const stopLinks = core.links.onReceived(open);
  try {
    core.startAtLogin.reapply();
  } catch (error) {
    // Not worth stopping the app for: the setting shows as chosen and can be set again.
    console.error(error instanceof Error ? error.message : error);
  }
  return () => {
    window.off('close', closing.onClose);
    app.off('before-quit', closing.onQuit);
    stopFollowing();
    stopLinks();
    planner.stop();
    tray.destroy();
  };
}

/** The OS's language order, as the window's renderer gets it from navigator.languages. */
export const systemLanguage = (): LocaleChoice => pickLocale(app.getPreferredSystemLanguages());
