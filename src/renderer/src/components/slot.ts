import { createElement, Fragment, type ReactNode } from 'react';

/** A character no message contains: where the element goes in the translated sentence. */
const SLOT = '\u0000';

/**
 * A catalogue message with one element in place of its parameter, so each language keeps its own
 * word order around it: `withSlot(t.throughProxy, <code>{via}</code>)`.
 */
export function withSlot(message: (value: string) => string, node: ReactNode): ReactNode {
  const [before = '', after = ''] = message(SLOT).split(SLOT);
  return createElement(Fragment, null, before, node, after);
}
