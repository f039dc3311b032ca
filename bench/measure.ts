import { performance } from 'node:perf_hooks';

/** One printed figure, beside the reference it should be read against. */
export interface Row {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  readonly reference: string;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

export const time = async (action: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await action();
  return performance.now() - start;
};
