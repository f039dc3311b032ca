import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A seats profile and the smallest valid vendor configuration around it, for tests to vary. */
export const seats = {
  id: 'seats',
  kind: 'seats',
  label: 'Seats',
  baseUrl: 'https://licensing.example.com:5455',
  apiKey: 'api_x',
};
export const valid = { productName: 'Acme CAD', productId: 'com.acme.cad', profiles: [seats] };

/** Writes `content` (as JSON unless it is text already) to `name` in `dir`; returns the path. */
export function writeConfig(dir: string, name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
