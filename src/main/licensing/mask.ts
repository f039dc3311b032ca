/**
 * Masking for anything derived from a secret that must still be recognisable on screen or in a
 * support conversation. A masked key shows at most 4 characters at each end and never more than
 * a quarter of its characters; separators stay so the shape is familiar.
 */
const DOT = '•';
const isSeparator = (char: string): boolean => /[-_\s.]/.test(char);

export function maskKey(key: string): string {
  const chars = [...key];
  const significant = chars.filter((char) => !isSeparator(char)).length;
  const visible = Math.min(4, Math.floor(significant / 8));
  let index = 0;
  return chars
    .map((char) => {
      if (isSeparator(char)) return char;
      const position = index++;
      return position < visible || position >= significant - visible ? char : DOT;
    })
    .join('');
}

/** Tokens like `fltk_ab12cd34ef56`: keep the type prefix and the last 4 characters. */
export function maskToken(token: string): string {
  const prefix = /^[a-z]+_/.exec(token)?.[0] ?? '';
  return `${prefix}…${token.slice(-4)}`;
}

/** Machine ids are already salted hashes; 8 characters tell them apart without tracking anyone. */
export const maskMachine = (machineId: string): string =>
  machineId.length > 8 ? `${machineId.slice(0, 8)}…` : machineId;
