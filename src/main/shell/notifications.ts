import { Notification } from 'electron';
import type { Notice } from '../desktop/notification-planner';

/**
 * Shows a planned notice (src/main/desktop/notification-planner.ts) as a desktop notification; a
 * click opens the window. Shown notices are kept until closed: a notification object that is
 * garbage-collected loses its click handler on some platforms.
 */
export function createNotifier(onClick: () => void): (notice: Notice) => void {
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
