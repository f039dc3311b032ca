/**
 * Masking for anything derived from a secret that must still be recognisable on screen or in a
 * support conversation. Masks keep at most 5 characters at each end and never the middle.
 */
const DOT = '•';

export function maskKey(key: string): string {
  const groups = key.split('-');
  if (groups.length >= 3) {
    return groups
      .map((group, index) =>
        index === 0 || index === groups.length - 1 ? group : DOT.repeat(group.length),
      )
      .join('-');
  }
  if (key.length <= 8) return DOT.repeat(key.length);
  return `${key.slice(0, 4)}${DOT.repeat(4)}${key.slice(-4)}`;
}

/** Tokens like `fltk_ab12cd34ef56`: keep the type prefix and the last 4 characters. */
export function maskToken(token: string): string {
  const prefix = /^[a-z]+_/.exec(token)?.[0] ?? '';
  return `${prefix}…${token.slice(-4)}`;
}

/** Machine ids are already salted hashes; 8 characters tell them apart without tracking anyone. */
export const maskMachine = (machineId: string): string =>
  machineId.length > 8 ? `${machineId.slice(0, 8)}…` : machineId;
