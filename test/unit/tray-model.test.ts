import { describe, expect, it } from 'vitest';
import { desktopWords } from '../../src/main/desktop/desktop-text';
import { followLicences, type LicenceSource } from '../../src/main/desktop/licence-follower';
import {
  licenceNames,
  MAX_TOOLTIP,
  trayModel,
  type TrayLicence,
} from '../../src/main/desktop/tray-model';
import type { LicenceView, ProfileView } from '../../src/shared/model';

/** The tray's tooltip and menu, worked out from licence views (no Electron). */

const words = desktopWords('en', 'en-GB', 'UTC');
const MARCH_3_2027 = Date.UTC(2027, 2, 3, 12);

const view = (patch: Partial<LicenceView> = {}): LicenceView => ({
  profileId: 'seats',
  status: 'active',
  mode: 'floating',
  seat: { state: 'none' },
  ...patch,
});
const PROFILES: ProfileView[] = [
  { id: 'seats', kind: 'seats', label: 'Floating seats', activationMethods: ['key'] },
  { id: 'flecs', kind: 'flecs', label: 'Device licence', activationMethods: ['key', 'serial'] },
  { id: 'hubs', kind: 'mobiusflow', label: 'Hubs', activationMethods: [] },
];
const oneProfile = PROFILES.slice(0, 1);

const modelOf = (licences: TrayLicence[], profiles = oneProfile, inWords = words) =>
  trayModel({
    productName: 'Acme CAD',
    licences,
    nameOf: licenceNames('Acme CAD', profiles),
    words: inWords,
  });
const labels = (licences: TrayLicence[], profiles = oneProfile, inWords = words) =>
  modelOf(licences, profiles, inWords).items.map((item) => ('label' in item ? item.label : '---'));
/** A floating licence until 3 March 2027 with 3 of 5 seats in use, this one's held. */
const seatHeldUntilMarch: TrayLicence = {
  profileId: 'seats',
  view: view({ expiresAt: MARCH_3_2027, activeClients: 3, maxClients: 5, seat: { state: 'held' } }),
};

describe('the tray model', () => {
  it('names the one licence by the product, with its end date and the seats in use', () => {
    const model = modelOf([seatHeldUntilMarch]);
    expect(model.items).toEqual([
      { kind: 'status', label: 'Acme CAD — licensed until 3 Mar 2027' },
      { kind: 'status', label: 'Seat held (3 of 5 in use)' },
      { kind: 'separator' },
      { kind: 'open', label: 'Open' },
      { kind: 'quit', label: 'Quit' },
    ]);
    expect(model.tooltip).toBe('Acme CAD — licensed until 3 Mar 2027\nSeat held (3 of 5 in use)');
  });

  it('speaks German on a German system, with the day in its region', () => {
    expect(labels([seatHeldUntilMarch], oneProfile, desktopWords('de', 'de-DE', 'UTC'))).toEqual([
      'Acme CAD — lizenziert bis 3. März 2027',
      'Lizenzplatz belegt (3 von 5 in Gebrauch)',
      '---',
      'Öffnen',
      'Beenden',
    ]);
  });

  it('has every tray and notification text in German', () => {
    const samples = (words: ReturnType<typeof desktopWords>) => [
      words.open,
      words.quit,
      ...(['active', 'inactive', 'expired', 'revoked', 'invalid'] as const).map((status) =>
        words.licence('X', view({ status })),
      ),
      words.licence('X', view({ expiresAt: MARCH_3_2027 })),
      words.seatHeld(undefined, undefined),
      words.seatHeld(1, 2),
      words.seatReconnecting,
      words.seatLostRetrying,
      words.seatLost,
      words.noSeat,
      words.expiringTitle('X', 1),
      words.expiringTitle('X', 2),
      words.expiringBody('D'),
      words.seatLostTitle('X'),
      words.seatLostBody(true),
      words.seatLostBody(false),
      words.seatRegainedTitle('X'),
      words.seatRegainedBody,
      words.keptInTrayTitle('X'),
      words.keptInTrayBody,
      words.cannotStart('X'),
    ];
    const english = samples(desktopWords('en', 'en-GB', 'UTC'));
    const german = samples(desktopWords('de', 'de-DE', 'UTC'));
    expect(german.filter((text, at) => text === english[at])).toEqual([]);
  });

  it.each<[string, Partial<LicenceView>, string[]]>([
    ['a licence that never ends', { mode: 'activation' }, ['Acme CAD — licensed']],
    ['no licence yet', { status: 'inactive', mode: 'unknown' }, ['Acme CAD — not activated']],
    ['an expired licence', { status: 'expired' }, ['Acme CAD — licence expired']],
    ['a revoked licence', { status: 'revoked' }, ['Acme CAD — licence revoked']],
    ['a licence the server refuses', { status: 'invalid' }, ['Acme CAD — licence not valid']],
    ['a floating licence without a seat', {}, ['Acme CAD — licensed', 'No seat held']],
    [
      'a seat whose server is not reached',
      { seat: { state: 'retrying', nextHeartbeatAt: 1 } },
      ['Acme CAD — licensed', 'Seat held — server not reached, retrying'],
    ],
    [
      'a lost seat the app tries to take back',
      { seat: { state: 'lost', nextHeartbeatAt: 1 } },
      ['Acme CAD — licensed', 'Seat lost — retrying'],
    ],
    ['a lost seat', { seat: { state: 'lost' } }, ['Acme CAD — licensed', 'Seat lost']],
    [
      'a held seat of unknown pool size',
      { seat: { state: 'held' } },
      ['Acme CAD — licensed', 'Seat held'],
    ],
  ])('says so for %s', (_case, patch, lines) => {
    expect(labels([{ profileId: 'seats', view: view(patch) }])).toEqual([
      ...lines,
      '---',
      'Open',
      'Quit',
    ]);
  });

  it('names each licence by its profile when there are several, under the product name', () => {
    const model = modelOf(
      [
        { profileId: 'seats', view: view({ seat: { state: 'lost' } }) },
        {
          profileId: 'flecs',
          view: view({ profileId: 'flecs', mode: 'activation', expiresAt: MARCH_3_2027 }),
        },
      ],
      PROFILES,
    );
    expect(model.tooltip).toBe(
      'Acme CAD\nFloating seats — licensed\nSeat lost\nDevice licence — licensed until 3 Mar 2027',
    );
  });

  it('names a licence by the profile’s German name on a German system, where the vendor gives one', () => {
    const german = [
      { ...PROFILES[0]!, translations: { de: { label: 'Floating-Lizenzplätze' } } },
      PROFILES[1]!,
    ];
    const nameOf = licenceNames('Acme CAD', german, 'de');
    expect(nameOf('seats')).toBe('Floating-Lizenzplätze');
    expect(nameOf('flecs')).toBe('Device licence');
    expect(licenceNames('Acme CAD', german, 'en')('seats')).toBe('Floating seats');
  });

  it('has only Open and Quit when nothing is licensed on this computer', () => {
    expect(modelOf([])).toEqual({
      tooltip: 'Acme CAD',
      items: [
        { kind: 'open', label: 'Open' },
        { kind: 'quit', label: 'Quit' },
      ],
    });
  });

  it('shortens a long tooltip visibly, to what Windows shows', () => {
    const many = Array.from({ length: 12 }, (_, index) => ({
      profileId: `p${index}`,
      view: view({ profileId: `p${index}`, seat: { state: 'held' } }),
    }));
    const { tooltip } = modelOf(many, PROFILES);
    expect(tooltip).toHaveLength(MAX_TOOLTIP);
    expect(tooltip.endsWith('…')).toBe(true);
  });
});

describe('following the licences', () => {
  const source = (views: Record<string, LicenceView>) => {
    const listeners = new Set<(view: LicenceView) => void>();
    const live: LicenceSource = {
      profiles: () => PROFILES,
      status: async (id) => views[id] ?? view({ profileId: id, status: 'inactive' }),
      onChange: (listener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
    return { live, push: (next: LicenceView) => listeners.forEach((listener) => listener(next)) };
  };

  it('reports each followed licence at the start, then every change, in the profiles’ order', async () => {
    const { live, push } = source({ flecs: view({ profileId: 'flecs', mode: 'activation' }) });
    const seen: { changed: string; all: string[] }[] = [];
    const stop = await followLicences(live, (changed, all) =>
      seen.push({ changed: changed.profileId, all: all.map((entry) => entry.profileId) }),
    );
    expect(seen).toEqual([
      { changed: 'seats', all: ['seats'] },
      { changed: 'flecs', all: ['seats', 'flecs'] },
    ]);
    push(view({ profileId: 'flecs', status: 'expired' }));
    // Hub licences are not this computer's: not followed.
    push(view({ profileId: 'hubs' }));
    stop();
    push(view({ profileId: 'seats' }));
    expect(seen.slice(2)).toEqual([{ changed: 'flecs', all: ['seats', 'flecs'] }]);
  });
});
