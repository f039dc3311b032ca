import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { tHubs } from '../../i18n/hubs.en';
import { CloseButton } from './close-button';

interface ModalDialogProps {
  readonly titleId: string;
  readonly title: ReactNode;
  readonly describedBy?: string;
  /** Escape, or the close button: the caller unmounts the dialog. */
  readonly onCancel: () => void;
  /** Where the cursor starts; the safe choice for a question, the first field for a form. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly size?: 'md' | 'lg';
  readonly children: ReactNode;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert and gives
 * the dialog role. Tab is kept inside explicitly too, because in a browser tab the native dialog
 * lets focus leave for the address bar. Escape cancels; focus returns to where it came from.
 */
export function ModalDialog({
  titleId,
  title,
  describedBy,
  onCancel,
  initialFocus,
  size = 'md',
  children,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // The latest onCancel, read by the native cancel listener without re-running the open effect.
  const cancelRef = useRef(onCancel);
  useEffect(() => {
    cancelRef.current = onCancel;
  }, [onCancel]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    (initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      dialog.close();
      // The opener may have been re-rendered away (a row scrolled off): focus then stays put.
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
    // Opened once per mount; a new initial focus later must not reopen it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const keepFocusInside = (event: KeyboardEvent<HTMLDialogElement>): void => {
    // Escape belongs to the dialog (its cancel event): not to a panel or page around it in React.
    if (event.key === 'Escape') event.stopPropagation();
    if (event.key !== 'Tab') return;
    const focusable = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`modal modal--${size}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onKeyDown={keepFocusInside}
      onCancel={(event) => {
        // The dialog closes when React unmounts it, not by itself behind React's back.
        event.preventDefault();
        cancelRef.current();
      }}
    >
      <header className="modal__header">
        <h2 className="modal__title" id={titleId}>
          {title}
        </h2>
        <CloseButton label={tHubs().panel.closeDialog} onClick={onCancel} />
      </header>
      {children}
    </dialog>
  );
}
