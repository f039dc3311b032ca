/**
 * A polite announcement for screen readers. It stays mounted for the life of the screen, because a
 * live region that appears together with its text is often not read out.
 */
export function LiveRegion({ message }: { readonly message: string }) {
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {message}
    </p>
  );
}
