import type { DesktopWords } from './desktop-text';

/**
 * What closing the window does once the tray icon is up: the window hides and the app keeps
 * running, so a held floating seat keeps its heartbeats and expiry notices still come; the first
 * time, a notification says where the app went. Quitting (the tray's Quit, the OS logging out,
 * Cmd+Q) closes for real. Without a tray (a desktop with no status area) this is never installed
 * and closing the window quits, as before.
 */
export function closeToTray(options: {
  readonly productName: string;
  readonly words: DesktopWords;
  readonly hide: () => void;
  readonly tell: (notice: { readonly title: string; readonly body: string }) => void;
}): {
  /** For the window's `close` event. */
  onClose(event: { preventDefault(): void }): void;
  /** For the app's `before-quit` event: from now on a close is a close. */
  onQuit(): void;
} {
  let quitting = false;
  let told = false;
  return {
    onClose(event) {
      if (quitting) return;
      event.preventDefault();
      options.hide();
      if (told) return;
      told = true;
      options.tell({
        title: options.words.keptInTrayTitle(options.productName),
        body: options.words.keptInTrayBody,
      });
    },
    onQuit() {
      quitting = true;
    },
  };
}
