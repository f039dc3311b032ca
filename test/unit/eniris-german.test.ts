import { describe, expect, it } from 'vitest';
import type { AppError } from '../../src/shared/errors';
import type { EnirisLicenceView } from '../../src/shared/model';
import { tEniris } from '../../src/renderer/src/i18n/eniris.en';
import {
  activationOutcome,
  capacities,
  customerIdProblem,
  describeQuery,
  enirisErrorTitle,
  enirisKeyProblem,
  enirisStateText,
  formatKw,
  licenceCount,
  licenceTypeLabel,
  nodeIdProblem,
  queryKindLabel,
} from '../../src/renderer/src/lib/eniris-text';
import { useGermanScreens } from '../support/german-screens';

const licence = (change: Partial<EnirisLicenceView> = {}): EnirisLicenceView => ({
  id: 'lic-1',
  keyLabel: 'SOF-•••-••••-3HTC',
  type: 'residential',
  state: 'active',
  gridKw: 17,
  solarKw: 8.5,
  batteryKw: null,
  evKw: 11,
  createdAt: Date.UTC(2026, 0, 1),
  durationDays: 365,
  ...change,
});

const error = (code: AppError['code']): AppError => ({ code, message: 'from the core' });

describe('the Eniris screen in German', () => {
  useGermanScreens();

  it('counts licences with the German plural', () => {
    expect(licenceCount(1)).toBe('1 Lizenz');
    expect(licenceCount(0)).toBe('0 Lizenzen');
    expect(licenceCount(3)).toBe('3 Lizenzen');
    expect(tEniris().table.days(1)).toBe('1 Tag');
    expect(tEniris().table.days(365)).toBe('365 Tage');
  });

  it('names the query and builds its sentences around it', () => {
    const controller = describeQuery({ by: 'controller', nodeId: 'SOFAR-CTRL-0001' });
    const customer = describeQuery({ by: 'customer', customerId: '3f9c2b1e' });
    expect(controller).toBe('Controller SOFAR-CTRL-0001');
    expect(customer).toBe('Kunde 3f9c2b1e');
    const t = tEniris();
    expect(t.licences.region(controller)).toBe('Lizenzen von Controller SOFAR-CTRL-0001');
    expect(t.licences.loading(customer)).toBe('Lizenzen von Kunde 3f9c2b1e werden geladen');
    expect(t.announce.showing(licenceCount(2), controller)).toBe(
      '2 Lizenzen von Controller SOFAR-CTRL-0001 werden angezeigt.',
    );
    expect(t.announce.loadingLicences(customer)).toBe(
      'Lizenzen von Kunde 3f9c2b1e werden geladen…',
    );
    expect(t.announce.claimed('N-1')).toBe('Lizenz dem Controller N-1 zugeordnet.');
    expect(t.licences.noneForController('N-1')).toBe(
      'Dem Controller N-1 sind keine Lizenzen zugeordnet.',
    );
    expect(t.licences.noneForCustomer('3f9c2b1e')).toBe('Der Kunde 3f9c2b1e hat keine Lizenzen.');
    expect(t.claim.claimed('N-1')).toBe(
      'Dem Controller N-1 zugeordnet. Seine Lizenzen finden Sie unter „Lizenzen“.',
    );
    expect(queryKindLabel('controller')).toBe('Nach Controller');
    expect(queryKindLabel('customer')).toBe('Nach Kunde');
  });

  it('checks the fields in German, naming the limits', () => {
    expect(enirisKeyProblem('')).toBe('Geben Sie einen Lizenzschlüssel ein.');
    expect(enirisKeyProblem('K'.repeat(51))).toBe(
      'Ein Eniris-Lizenzschlüssel hat höchstens 50 Zeichen.',
    );
    expect(enirisKeyProblem('KEY-ÄÖÜ')).toMatch(/^Ein Lizenzschlüssel besteht nur aus/);
    expect(nodeIdProblem('N'.repeat(129))).toBe('Eine Controller-ID hat höchstens 128 Zeichen.');
    expect(customerIdProblem('not-a-uuid')).toMatch(/^Eine Kunden-ID ist eine UUID/);
    expect(enirisKeyProblem('SOF-RES-9PWA-3HTC')).toBeNull();
  });

  it('shows states, capacities, types and kW the German way', () => {
    expect(enirisStateText('not-activated')).toEqual({ label: 'Nicht aktiviert', tone: 'neutral' });
    expect(enirisStateText('expired').label).toBe('Abgelaufen');
    expect(capacities(licence()).map((capacity) => capacity.label)).toEqual([
      'Netz',
      'PV',
      'Batterie',
      'E-Auto',
    ]);
    expect(tEniris().table.notSetTitle('Batterie')).toBe(
      'Batterie: von dieser Lizenz nicht festgelegt',
    );
    expect(formatKw(8.5)).toBe('8,5\u00a0kW');
    expect(licenceTypeLabel('residential')).toBe('Wohngebäude');
    expect(licenceTypeLabel('trial')).toBe('Testlizenz');
    // A type the catalogue does not know is shown as the server sent it.
    expect(licenceTypeLabel('solar_plus')).toBe('Solar plus');
    expect(licenceTypeLabel('  ')).toBe('Unbekannt');
  });

  it('says what activating did, with the date in German', () => {
    const until = activationOutcome(
      licence({ expiresAt: Date.UTC(2027, 0, 1) }),
      () => '01.01.2027',
    );
    expect(until).toEqual({ ok: true, text: 'Lizenz aktiv bis 01.01.2027.' });
    expect(activationOutcome(licence(), () => '').text).toBe('Lizenz aktiv.');
    expect(activationOutcome(licence({ state: 'deactivated' }), () => '').text).toBe(
      'Eniris hat geantwortet, aber diese Lizenz ist deaktiviert.',
    );
  });

  it('titles the refusals for each action', () => {
    expect(enirisErrorTitle('signIn', error('invalid_credentials'))).toBe(
      'Kontoname oder Passwort ist falsch',
    );
    expect(enirisErrorTitle('activate', error('invalid_credentials'))).toBe(
      'Melden Sie sich erneut bei Eniris an',
    );
    expect(enirisErrorTitle('claim', error('seat_unavailable'))).toBe(
      'Diese Lizenz ist bereits einem anderen Controller zugeordnet',
    );
    expect(enirisErrorTitle('licences', error('invalid_input'))).toBe(
      'Prüfen Sie die eingegebene ID',
    );
    expect(enirisErrorTitle('signIn', error('unauthorized'))).toBeUndefined();
  });

  it('counts down to the next sign-in inside the sentence', () => {
    const t = tEniris().signIn;
    expect(t.countdown('4 min 10 s')).toBe(' (in 4 min 10 s)');
    expect(t.tryAgainAt.replace('{time}', '14:05').replace('{countdown}', ' (in 4 min)')).toBe(
      'Sie können sich um 14:05 (in 4 min) wieder anmelden.',
    );
  });
});

describe('the Eniris screen in English, unchanged', () => {
  it('keeps the English words and formats', () => {
    expect(licenceCount(1)).toBe('1 licence');
    expect(licenceCount(3)).toBe('3 licences');
    expect(describeQuery({ by: 'controller', nodeId: 'N-1' })).toBe('controller N-1');
    expect(licenceTypeLabel('residential')).toBe('Residential');
    expect(licenceTypeLabel('RESIDENTIAL')).toBe('RESIDENTIAL');
    expect(licenceTypeLabel('')).toBe('Unknown');
    expect(formatKw(8.5)).toBe('8.5\u00a0kW');
    expect(enirisKeyProblem('K'.repeat(51))).toBe(
      'An Eniris licence key is at most 50 characters.',
    );
  });
});
