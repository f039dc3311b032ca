import type { SeatsMessages } from './seats.en';

export const seatsDe: SeatsMessages = {
  state: {
    none: {
      label: 'Kein Lizenzplatz',
      explanation:
        'Dieser Computer belegt keinen Lizenzplatz. Fordern Sie einen an, um die Software zu nutzen; er geht an den Pool zurück, sobald Sie ihn freigeben.',
    },
    held: {
      label: 'Lizenzplatz belegt',
      explanation:
        'Dieser Computer belegt einen Floating-Lizenzplatz. Die App verlängert ihn im Hintergrund, solange sie läuft, und gibt ihn beim Beenden zurück.',
    },
    retrying: {
      label: 'Neuer Versuch',
      explanation:
        'Das Verlängern des Lizenzplatzes schlägt fehl, er ist aber weiterhin für Sie reserviert. Die App versucht es weiter, bis die Belegung abläuft; Sie können weiterarbeiten.',
    },
    lost: {
      label: 'Lizenzplatz verloren',
      explanation:
        'Die Belegung ist abgelaufen oder wurde vom Server zurückgenommen und ließ sich nicht wiederherstellen. Fordern Sie einen neuen Lizenzplatz an, sobald einer frei ist.',
    },
  },
  screen: {
    title: 'Lizenzplätze',
    loading: 'Lizenzplatz wird geladen',
    emptyTitle: 'Keine Lizenz auf diesem Computer',
    emptyText:
      'Aktivieren Sie zuerst einen Floating-Lizenzschlüssel; dann können Sie einen Platz aus dessen Lizenzplatz-Pool belegen.',
    goToActivation: 'Zur Aktivierung',
  },
  seat: {
    title: 'Lizenzplatz dieses Computers',
    nextHeartbeat: 'Nächstes Lebenszeichen',
    expires: 'Belegung läuft ab',
    lastHeartbeat: 'Letztes Lebenszeichen',
    noneYet: 'Noch keines',
    renewsEvery: 'Verlängerung alle',
    in: (duration) => `in ${duration}`,
    inAMoment: 'in Kürze',
    lastFailed: (reason) => `Letztes Lebenszeichen fehlgeschlagen: ${reason}`,
    renewing: 'Wird verlängert…',
    renew: 'Jetzt verlängern',
    releasing: 'Wird freigegeben…',
    release: 'Lizenzplatz freigeben',
    requesting: 'Wird angefordert…',
    request: 'Lizenzplatz anfordern',
  },
  announce: {
    requesting: 'Lizenzplatz wird angefordert…',
    renewing: 'Lizenzplatz wird verlängert…',
    releasing: 'Lizenzplatz wird freigegeben…',
    taken: 'Lizenzplatz belegt.',
    renewed: 'Lizenzplatz verlängert.',
    released: 'Lizenzplatz freigegeben.',
  },
  pool: {
    title: 'Lizenzplatz-Pool',
    checked: (when) => `Stand: ${when}`,
    whoUses: 'Wer diese Lizenz nutzt',
    refreshing: 'Wird aktualisiert…',
    refresh: 'Aktualisieren',
    inUse: (used, max) => `**${used}** von **${max}** Lizenzplätzen belegt`,
    free: (free) => `${free} frei`,
    noneFree: 'keiner frei',
    usageLabel: 'Belegte Lizenzplätze',
    loadingHolders: 'Belegungen werden geladen',
  },
  holders: {
    empty: 'Derzeit belegt kein Computer einen Lizenzplatz dieser Lizenz.',
    region: 'Belegte Lizenzplätze',
    client: 'Client',
    machine: 'Rechner',
    address: 'Adresse',
    kind: 'Art',
    issued: 'Ausgestellt',
    lastHeartbeat: 'Letztes Lebenszeichen',
    expires: 'Läuft ab',
    thisComputer: 'Dieser Computer',
    revoked: 'Widerrufen',
    token: (label) => `Token ${label}`,
    floating: 'Floating-Lizenz',
    activation: 'Aktivierung',
    notReported: 'nicht gemeldet',
  },
};
