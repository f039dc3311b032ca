import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileRefusalLog, senderLabel, type Refusal } from '../../src/main/ipc/refusal-log';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

const START = Date.UTC(2026, 0, 2);
const refusal: Refusal = {
  code: 'invalid_input',
  channel: 'licence:activate',
  sender: 'app://bundle',
  reason: 'payload breaks the contract',
};
const lines = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('IPC refusal log', () => {
  const tempDir = useTempDir();
  const open = (options: { maxBytes?: number; maxLinesPerSecond?: number } = {}) => {
    const file = join(tempDir(), 'logs', 'ipc-refusals.log');
    const clock = createManualClock(START);
    return { file, clock, log: createFileRefusalLog({ file, clock, ...options }) };
  };

  it('appends one JSON line per refusal, readable by the user only', async () => {
    const { file, log } = open();
    log.refused(refusal);
    log.refused({ ...refusal, code: 'unauthorized', sender: 'https://evil.example' });
    await log.flush();
    const at = '2026-01-02T00:00:00.000Z';
    expect(lines(file)).toEqual([
      { at, event: 'ipc_refused', ...refusal },
      {
        at,
        event: 'ipc_refused',
        ...refusal,
        code: 'unauthorized',
        sender: 'https://evil.example',
      },
    ]);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('touches no file on the caller’s turn: the line is written after it', async () => {
    const { file, log } = open();
    log.refused(refusal);
    expect(existsSync(join(file, '..'))).toBe(false);
    // Nobody flushes: the batch the refusal queued is written once the event loop moves on.
    await vi.waitFor(() => expect(lines(file)).toHaveLength(1));
  });

  it('collapses a flood: 20 lines a second, then one line that counts the rest', async () => {
    const { file, clock, log } = open();
    for (let i = 0; i < 500; i++) log.refused(refusal);
    await log.flush();
    expect(lines(file)).toHaveLength(20);
    // The count is written when the second ends, though the flood stopped before.
    clock.advance(1_000);
    log.refused({ ...refusal, channel: 'app:info' });
    await log.flush();
    const written = lines(file);
    expect(written).toHaveLength(22);
    expect(written[20]).toEqual({
      at: '2026-01-02T00:00:01.000Z',
      event: 'ipc_refusals_suppressed',
      suppressed: 480,
    });
    expect(written[21]).toMatchObject({ event: 'ipc_refused', channel: 'app:info' });
  });

  it('counts before the next second’s lines even when its timer is late (a stalled loop)', async () => {
    const { file, clock, log } = open({ maxLinesPerSecond: 2 });
    for (let i = 0; i < 5; i++) log.refused(refusal);
    clock.stall(1_500);
    log.refused({ ...refusal, channel: 'app:info' });
    clock.advance(0); // the late timer was cleared: nothing is counted twice
    await log.flush();
    expect(lines(file).map((line) => line.event)).toEqual([
      'ipc_refused',
      'ipc_refused',
      'ipc_refusals_suppressed',
      'ipc_refused',
    ]);
    expect(lines(file)[2]).toMatchObject({ suppressed: 3 });
  });

  it('never takes more than twice its limit: the full file is moved to .1', async () => {
    const { file, log } = open({ maxBytes: 1_000, maxLinesPerSecond: Number.POSITIVE_INFINITY });
    // In several batches, so the size counted between them is checked too.
    for (let batch = 0; batch < 10; batch++) {
      for (let i = 0; i < 10; i++) log.refused(refusal);
      await log.flush();
    }
    expect(statSync(file).size).toBeLessThanOrEqual(1_000);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(1_000);
    expect(statSync(`${file}.1`).size).toBeGreaterThan(800);
  });

  it('counts what an earlier run left in the file', async () => {
    const { file, log } = open({ maxBytes: 1_000 });
    mkdirSync(dirname(file));
    writeFileSync(file, `${'x'.repeat(990)}\n`);
    log.refused(refusal);
    await log.flush();
    expect(statSync(`${file}.1`).size).toBe(991);
    expect(lines(file)).toHaveLength(1);
  });

  it('never throws nor rejects, even where it cannot write', async () => {
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, '');
    const log = createFileRefusalLog({ file: join(blocker, 'ipc-refusals.log') });
    expect(() => log.refused(refusal)).not.toThrow();
    await expect(log.flush()).resolves.toBeUndefined();
    expect(existsSync(join(blocker, 'ipc-refusals.log'))).toBe(false);
  });

  it.each([
    ['app://bundle/index.html#/seats', 'app://bundle'],
    ['https://evil.example/steal?session=abc', 'https://evil.example'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    [undefined, 'none'],
    ['not a url', 'unparsable'],
  ])('names the sender %s by its origin only: %s', (url, label) => {
    expect(senderLabel(url)).toBe(label);
  });

  it('keeps a huge sender origin short', () => {
    const label = senderLabel(
      `https://${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example/`,
    );
    expect(label.length).toBeLessThan(250);
    expect(label).toMatch(/… \(\d+ chars\)$/);
  });
});
