import type { ReactNode } from 'react';

/** A character no message contains: where the live part goes in a sentence. */
const SLOT = '\u0000';

/**
 * A sentence from the catalogue with a live part in it ("Checked with the server <time>"): the
 * message places the part, so each language puts it where its word order wants it.
 */
export function Sentence({
  message,
  children,
}: {
  readonly message: (slot: string) => string;
  readonly children: ReactNode;
}) {
  const [before = '', after = ''] = message(SLOT).split(SLOT);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}
