/** A catalogue flattened to its leaves: "hubs.usage.of" → a string or a message function. */
export type Leaf = string | ((...args: never[]) => string);

export function leavesOf(catalogue: object, prefix = ''): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || typeof value === 'function') leaves.set(path, value as Leaf);
    else if (value && typeof value === 'object') {
      for (const [inner, leaf] of leavesOf(value as object, path)) leaves.set(inner, leaf);
    } else throw new Error(`${path} is neither text, a message function nor a group`);
  }
  return leaves;
}

/**
 * Words that are the same in English and German (product and protocol names, "Status", "Token"...).
 * A German string equal to its English source must be one of these: anything else was forgotten.
 */
export const SAME_IN_BOTH = new Set([
  'OK',
  'Status',
  'Token',
  'Hub',
  'Hubs',
  'Name',
  'Server',
  'Details',
  'Export',
  'Filter',
  'Code',
  'Version',
  'Start',
  'Support',
  'Eniris',
  'LicenseSpring',
  'MobiusFlow',
  'FLECS',
  'Demo',
  'Online',
  'Offline',
  'Proxy',
  'TLS',
  'DNS',
  'TCP',
  'HTTP',
  'E-Mail',
  'Feature',
  'Features',
  'ID',
  'Host',
  'Port',
  // The hubs screen: a MobiusFlow hub id, the site network, the standard points map.
  'HID',
  'LAN',
  'Standard',
  'Trial',
  '—',
  // A field that may stay empty: German software says "(optional)" too.
  '(optional)',
  // A seat holder's client, and a licence key's shape: the same in both.
  'Client',
  'XXXXX-XXXXX-XXXXX-XXXXX',
  // Unit symbols: seconds and hours are written alike.
  's',
  'h',
]);
