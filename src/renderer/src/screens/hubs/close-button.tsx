/** The × of the side panel and the dialogs: an icon button whose name says what it closes. */
export function CloseButton({
  label,
  onClick,
}: {
  readonly label: string;
  readonly onClick: () => void;
}) {
  return (
    <button type="button" className="close-button" onClick={onClick} aria-label={label}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M4.3 3.2 8 6.9l3.7-3.7 1.1 1.1L9.1 8l3.7 3.7-1.1 1.1L8 9.1l-3.7 3.7-1.1-1.1L6.9 8 3.2 4.3z" />
      </svg>
    </button>
  );
}
