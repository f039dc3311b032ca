import { Notification } from 'electron';

/**
 * Shows a notice (planned by src/main/desktop/notification-planner.ts, or the close-to-tray
 * hint) as a desktop notification; a click opens the window. Shown notices are kept until closed: a notification object that is
 * garbage-collected loses its click handler on some platforms.
 */
export function createNotifier(
  onClick: () => void,
): (notice: { readonly title: string; readonly body: string }) => void {
  const shown = new Set<Notification>();
  return (notice) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: notice.title, body: notice.body });
    shown.add(notification);
    notification.on('click', onClick);
    notification.on('close', () => shown.delete(notification));
    notification.show();
  };
}
