import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopWords } from '../../src/main/desktop/desktop-text';
import { noticeMemoryIn, warningDaysIn } from '../../src/main/desktop/desktop-state';
import {
  createNotificationPlanner,
  DAY_MS,
  DEFAULT_DEBOUNCE_MS,
  type Notice,
  type NoticeMemory,
} from '../../src/main/desktop/notification-planner';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import type { LicenceView } from '../../src/shared/model';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/**
 * Which desktop notifications the app shows as licences change over time, on the manual clock:
 * expiry warnings at most once a day per licence, and a lost or regained seat once per change,
 * only after it has held for the debounce time.
 */

const START = Date.UTC(2027, 1, 1, 9);
const HOUR = 3_600_000;

const memoryInMap = (): NoticeMemory & {
  readonly map: Map<string, { licenseId: string; at: number }>;
} => {
  const map = new Map<string, { licenseId: string; at: number }>();
  return {
    map,
    lastExpiryNotice: (profileId) => map.get(profileId),
    rememberExpiryNotice: (profileId, licenseId, at) => void map.set(profileId, { licenseId, at }),
  };
};

function plannerOn(clock: ManualClock, memory: NoticeMemory = memoryInMap(), warningDays = 14) {
  const notices: Notice[] = [];
  const planner = createNotificationPlanner({
    clock,
    notify: (notice) => notices.push(notice),
    nameOf: () => 'Acme CAD',
    warningDaysOf: () => warningDays,
    memory,
    words: desktopWords('en', 'en-GB', 'UTC'),
  });
  return { planner, notices, kinds: () => notices.map((notice) => notice.kind) };
}

const licence = (patch: Partial<LicenceView> = {}): LicenceView => ({
  profileId: 'seats',
  status: 'active',
  mode: 'floating',
  licenseId: 'lic-1',
  seat: { state: 'held' },
  ...patch,
});
const held = licence();
const lost = licence({ seat: { state: 'lost', nextHeartbeatAt: 1 } });
const retrying = licence({ seat: { state: 'retrying', nextHeartbeatAt: 1 } });
const released = licence({ seat: { state: 'none' } });

describe('seat notices', () => {
  it('says a seat is lost once it has stayed lost for the debounce time, and once only', () => {
    const clock = createManualClock(START);
    const { planner, notices, kinds } = plannerOn(clock);
    planner.observe(held);
    planner.observe(retrying);
    planner.observe(lost);
    clock.advance(DEFAULT_DEBOUNCE_MS - 1);
    expect(notices).toEqual([]);
    clock.advance(1);
    expect(notices).toEqual([
      {
        kind: 'seat-lost',
        profileId: 'seats',
        title: 'Acme CAD: seat lost',
        body: 'The floating seat could not be kept. The app keeps trying to take it back.',
      },
    ]);
    planner.observe(lost);
    planner.observe(licence({ seat: { state: 'lost' } }));
    clock.advance(DAY_MS);
    expect(kinds()).toEqual(['seat-lost']);
  });

  it('says a seat is regained after a loss it announced, once it has held for the debounce time', () => {
    const clock = createManualClock(START);
    const { planner, notices, kinds } = plannerOn(clock);
    planner.observe(held);
    planner.observe(lost);
    clock.advance(DEFAULT_DEBOUNCE_MS);
    planner.observe(held);
    clock.advance(DEFAULT_DEBOUNCE_MS);
    expect(kinds()).toEqual(['seat-lost', 'seat-regained']);
    expect(notices[1]).toMatchObject({
      title: 'Acme CAD: seat regained',
      body: 'A floating seat is held again.',
    });
  });

  it('stays quiet while a seat flaps between held and lost within the debounce time', () => {
    const clock = createManualClock(START);
    const { planner, kinds } = plannerOn(clock);
    planner.observe(held);
    for (let flap = 0; flap < 20; flap++) {
      planner.observe(lost);
      clock.advance(DEFAULT_DEBOUNCE_MS / 3);
      planner.observe(held);
      clock.advance(DEFAULT_DEBOUNCE_MS / 3);
    }
    clock.advance(DAY_MS);
    expect(kinds()).toEqual([]);
  });

  it('after an announced loss, a brief return that flaps back says nothing more', () => {
    const clock = createManualClock(START);
    const { planner, kinds } = plannerOn(clock);
    planner.observe(held);
    planner.observe(lost);
    clock.advance(DEFAULT_DEBOUNCE_MS);
    planner.observe(held);
    clock.advance(DEFAULT_DEBOUNCE_MS / 2);
    planner.observe(lost);
    clock.advance(DAY_MS);
    expect(kinds()).toEqual(['seat-lost']);
  });

  it('says nothing when the person takes or gives back a seat, or at the start', () => {
    const clock = createManualClock(START);
    const { planner, kinds } = plannerOn(clock);
    planner.observe(lost);
    clock.advance(DEFAULT_DEBOUNCE_MS);
    planner.observe(released);
    planner.observe(held);
    clock.advance(DEFAULT_DEBOUNCE_MS);
    planner.observe(held);
    planner.observe(lost);
    planner.observe(released);
    clock.advance(DAY_MS);
    expect(kinds()).toEqual([]);
  });

  it('tells a seat lost for good apart from one the app keeps trying to take back', () => {
    const clock = createManualClock(START);
    const { planner, notices } = plannerOn(clock);
    planner.observe(held);
    planner.observe(licence({ seat: { state: 'lost' } }));
    clock.advance(DEFAULT_DEBOUNCE_MS);
    expect(notices[0]?.body).toBe(
      'The floating seat could not be kept. Open the app to request a seat again.',
    );
  });
});

describe('expiry notices', () => {
  const tempDir = useTempDir();
  const endsIn = (days: number, patch: Partial<LicenceView> = {}) =>
    licence({
      mode: 'activation',
      seat: { state: 'none' },
      expiresAt: START + days * DAY_MS,
      ...patch,
    });

  it('warns from the warning window on, once a day, until the licence ends', () => {
    const clock = createManualClock(START);
    const { planner, notices, kinds } = plannerOn(clock);
    planner.observe(endsIn(20));
    expect(notices).toEqual([]);
    clock.advance(6 * DAY_MS - 1);
    expect(notices).toEqual([]);
    clock.advance(1);
    expect(notices).toEqual([
      {
        kind: 'expiring',
        profileId: 'seats',
        title: 'Acme CAD: licence ends in 14 days',
        body: 'The licence ends on 21 Feb 2027. Renew it with your vendor to keep working without interruption.',
      },
    ]);
    // Heartbeats and re-checks report the licence again and again: still once a day.
    for (let hour = 0; hour < 23; hour++) {
      clock.advance(HOUR);
      planner.observe(endsIn(20));
    }
    expect(notices).toHaveLength(1);
    clock.advance(HOUR);
    expect(notices).toHaveLength(2);
    expect(notices[1]?.title).toBe('Acme CAD: licence ends in 13 days');
    clock.advance(30 * DAY_MS);
    expect(kinds()).toEqual(Array(14).fill('expiring'));
    expect(notices.at(-1)?.title).toBe('Acme CAD: licence ends in 1 day');
    // Nothing is left waiting once the licence has ended.
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('warns in German on a German system', () => {
    const clock = createManualClock(START);
    const notices: Notice[] = [];
    createNotificationPlanner({
      clock,
      notify: (notice) => notices.push(notice),
      nameOf: () => 'Acme CAD',
      warningDaysOf: () => 14,
      memory: memoryInMap(),
      words: desktopWords('de', 'de-DE', 'UTC'),
    }).observe(endsIn(3));
    expect(notices).toEqual([
      {
        kind: 'expiring',
        profileId: 'seats',
        title: 'Acme CAD: Lizenz endet in 3 Tagen',
        body: 'Die Lizenz endet am 4. Feb. 2027. Verlängern Sie sie bei Ihrem Anbieter, um ohne Unterbrechung weiterzuarbeiten.',
      },
    ]);
  });

  it('follows the vendor’s warning days, and says nothing with zero', () => {
    const clock = createManualClock(START);
    const three = plannerOn(clock, memoryInMap(), 3);
    const none = plannerOn(clock, memoryInMap(), 0);
    three.planner.observe(endsIn(10));
    none.planner.observe(endsIn(10));
    clock.advance(7 * DAY_MS);
    expect(three.kinds()).toEqual(['expiring']);
    clock.advance(5 * DAY_MS);
    expect(three.kinds()).toHaveLength(3);
    expect(none.kinds()).toEqual([]);
  });

  it('stops warning when the licence is renewed, and warns afresh for another licence', () => {
    const clock = createManualClock(START);
    const { planner, kinds } = plannerOn(clock);
    planner.observe(endsIn(5));
    planner.observe(endsIn(400));
    clock.advance(2 * DAY_MS);
    expect(kinds()).toEqual(['expiring']);
    planner.observe(endsIn(5, { licenseId: 'lic-2' }));
    expect(kinds()).toEqual(['expiring', 'expiring']);
  });

  it('says nothing for a licence that never ends, is not active, or has ended', () => {
    const clock = createManualClock(START);
    const { planner, kinds } = plannerOn(clock);
    planner.observe(licence({ expiresAt: undefined }));
    planner.observe(endsIn(3, { profileId: 'expired', status: 'expired' }));
    planner.observe(endsIn(-1, { profileId: 'ended' }));
    clock.advance(30 * DAY_MS);
    expect(kinds()).toEqual([]);
  });

  it('does not repeat the day’s warning after a restart (memory in the app’s state)', () => {
    const state = createFileStateStore(join(tempDir(), 'state.json'));
    const clock = createManualClock(START);
    const first = plannerOn(clock, noticeMemoryIn(state));
    first.planner.observe(endsIn(5));
    first.planner.stop();
    clock.advance(12 * HOUR);
    const second = plannerOn(clock, noticeMemoryIn(state));
    second.planner.observe(endsIn(5));
    expect(second.kinds()).toEqual([]);
    clock.advance(12 * HOUR);
    expect(second.kinds()).toEqual(['expiring']);
    expect(state.load().desktop?.expiryNotices).toEqual({
      seats: { licenseId: 'lic-1', at: START + DAY_MS },
    });
  });

  it('waits in steps of hours, so a wall clock moved by sleep is caught within hours', () => {
    const clock = createManualClock(START);
    const { planner, kinds } = plannerOn(clock);
    planner.observe(endsIn(300));
    for (const timer of clock.pendingTimers()) expect(timer.delayMs).toBeLessThanOrEqual(6 * HOUR);
    // The laptop slept for 290 days: its timers did not run, the wall clock moved on.
    clock.setSystemTime(START + 290 * DAY_MS);
    clock.advance(6 * HOUR);
    expect(kinds()).toEqual(['expiring']);
  });

  it('stops every timer when stopped', () => {
    const clock = createManualClock(START);
    const { planner, kinds } = plannerOn(clock);
    planner.observe(endsIn(20));
    planner.observe(lost);
    planner.stop();
    expect(clock.pendingTimers()).toEqual([]);
    planner.observe(endsIn(1));
    clock.advance(30 * DAY_MS);
    expect(kinds()).toEqual([]);
  });
});

describe('warning days from the vendor configuration', () => {
  it('uses a profile’s expiryWarningDays where it has one, else 14', () => {
    const days = warningDaysIn([
      {
        id: 'file',
        kind: 'licence-file',
        label: 'File',
        productCode: 'acme-cad',
        publicKey: 'x',
        expiryWarningDays: 30,
      },
      { id: 'seats', kind: 'seats', label: 'Seats', baseUrl: 'https://x', apiKey: 'k' },
    ]);
    expect([days('file'), days('seats'), days('unknown')]).toEqual([30, 14, 14]);
  });
});
