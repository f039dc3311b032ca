import type { ClipboardEvent, ComponentPropsWithRef } from 'react';
import { cleanPastedKey } from '../../lib/licence-key';

interface KeyInputProps extends Omit<
  ComponentPropsWithRef<'input'>,
  'value' | 'onChange' | 'onPaste'
> {
  readonly value: string;
  readonly onValueChange: (value: string) => void;
}

/**
 * A licence-key field: monospaced, no autocorrect, and a key pasted from an e-mail with a line
 * break in it goes in as the key alone.
 */
export function KeyInput({ value, onValueChange, className, ...rest }: KeyInputProps) {
  const paste = (event: ClipboardEvent<HTMLInputElement>): void => {
    const text = event.clipboardData.getData('text');
    const cleaned = cleanPastedKey(text);
    if (cleaned === text) return;
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? value.length;
    const end = input.selectionEnd ?? value.length;
    onValueChange(value.slice(0, start) + cleaned + value.slice(end));
  };
  return (
    <input
      {...rest}
      className={`input input--mono ${className ?? ''}`}
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      onPaste={paste}
      autoComplete="off"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
    />
  );
}
