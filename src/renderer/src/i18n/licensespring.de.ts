import type { LicensespringMessages } from './licensespring.en';
import { formatNumber as n, plural } from './messages';

const hoursDe = (hours: number): string =>
  plural(hours, `${n(hours)} Stunde`, `${n(hours)} Stunden`);
const daysDe = (days: number): string => plural(days, `${n(days)} Tag`, `${n(days)} Tage`);
/** "2 Lizenzplätze"; after "von" the dative: "von 5 Lizenzplätzen". */
const slotsDe = (count: number): string => plural(count, 'Lizenzplatz', 'Lizenzplätze');
const ofSlotsDe = (count: number): string => plural(count, 'Lizenzplatz', 'Lizenzplätzen');
/** A value inside a sentence: "Nicht erlaubt" → "nicht erlaubt", nouns keep their capital. */
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

export const licensespringDe: LicensespringMessages = {
  licenseTypes: {
    perpetual: { label: 'Unbefristet', explanation: 'Gehört Ihnen dauerhaft: Sie läuft nicht ab.' },
    'time-limited': { label: 'Befristet', explanation: 'Gültig bis zu einem festgelegten Datum.' },
    subscription: {
      label: 'Abonnement',
      explanation: 'Gültig, solange das Abonnement bezahlt ist.',
    },
    consumption: {
      label: 'Verbrauchsbasiert',
      explanation: 'Abrechnung nach Nutzung: Die Nutzung wird auf ein Limit angerechnet.',
    },
  },
  featureTypes: { activation: 'Ein/Aus-Funktion', consumption: 'Nutzungsbasierte Funktion' },
  resets: {
    never: 'Wird nie zurückgesetzt',
    daily: 'Wird täglich zurückgesetzt',
    weekly: 'Wird wöchentlich zurückgesetzt',
    monthly: 'Wird monatlich zurückgesetzt',
    annually: 'Wird jährlich zurückgesetzt',
  },
  counts: {
    usedOf: (used, max) => `${n(used)} von ${n(max)} genutzt`,
    usedNoLimit: (used) => `${n(used)} genutzt · kein Limit`,
    transfersNotAllowed: 'Nicht erlaubt: Diese Lizenz bleibt auf diesem Computer',
  },
  meter: {
    unlimited: (total) => `${n(total)} verbraucht · kein Limit`,
    exhaustedOver: (total, max, over) =>
      `${n(total)} von ${n(max)} verbraucht · ${n(over)} darüber, kein weiterer Verbrauch möglich`,
    exhausted: (total, max) => `${n(total)} von ${n(max)} verbraucht · nichts mehr übrig`,
    overage: (total, max, over) =>
      `${n(total)} von ${n(max)} verbraucht · ${n(over)} über dem Limit`,
    left: (total, max, left) => `${n(total)} von ${n(max)} verbraucht · ${n(left)} übrig`,
    legendIncluded: (max) => `Enthalten (${n(max)})`,
    legendZoneCapped: (cap) => `Mehrverbrauch (bis zu ${n(cap)})`,
    legendZoneOpen: 'Mehrverbrauch (ohne Obergrenze)',
  },
  overages: {
    unlimited: 'Kein Limit, das überschritten werden könnte',
    notAllowed: 'Nicht erlaubt',
    upTo: (max) => `Bis zu ${n(max)} über dem Limit`,
    uncapped: 'Erlaubt, ohne Obergrenze',
  },
  usageProblems: {
    empty: 'Geben Sie die genutzte Menge ein.',
    notWhole: 'Geben Sie eine ganze Zahl ein.',
    zero: 'Geben Sie eine Menge ungleich 0 ein.',
    tooMuch: (max) => `Erfassen Sie höchstens ${n(max)} auf einmal.`,
    upOnly: 'Dieser Zähler kann nur steigen: Geben Sie eine positive Menge ein.',
    limitReached: 'Es kann nichts mehr erfasst werden: Das Limit ist erreicht.',
    onlyLeft: (left) => `Es können nur noch ${n(left)} erfasst werden.`,
    onlyLeftWithOverages: (left) =>
      `Es können nur noch ${n(left)} erfasst werden, Mehrverbrauch eingeschlossen.`,
  },
  slots: {
    notChecked: (max) => `${n(max)} ${slotsDe(max)} · noch nicht geprüft`,
    inUse: (inUse, max) => `${n(inUse)} von ${n(max)} ${ofSlotsDe(max)} belegt`,
  },
  hold: {
    borrowed: 'Von diesem Computer ausgeliehen',
    held: 'Von diesem Computer belegt',
    notHeld: 'Hier nicht belegt',
  },
  durations: {
    hours: (hours) => hoursDe(hours),
    days: (days) => daysDe(days),
    daysHours: (days, hours) => `${daysDe(days)} und ${hoursDe(hours)}`,
  },
  borrowProblems: {
    incomplete: 'Geben Sie ein vollständiges Datum mit Uhrzeit ein oder lassen Sie das Feld leer.',
    past: 'Wählen Sie einen Zeitpunkt in der Zukunft.',
    beyondLimit: (duration, latest) =>
      `Sie können höchstens ${duration} lang ausleihen: bis ${latest}.`,
  },
  localCheck: {
    pills: {
      valid: 'Gültig',
      grace: 'Kulanzzeit',
      expired: 'Abgelaufen',
      clock_moved_back: 'Uhr zurückgestellt',
    },
    verdicts: {
      valid: 'gültig',
      grace: 'in der Kulanzzeit',
      expired: 'abgelaufen',
      clock_moved_back: 'Uhr zurückgestellt',
    },
    graceUntil: (day) => `Die Lizenz läuft in der Kulanzzeit bis ${day}`,
    grace: 'Die Lizenz läuft in der Kulanzzeit',
    graceAdvice:
      'Stellen Sie eine Internetverbindung her und wählen Sie „Beim Server prüfen“, bevor die Kulanzzeit endet. Ist die Lizenz abgelaufen, verlängern Sie sie zuerst bei Ihrem Anbieter.',
    expiredTitle: 'Diese Lizenz ist abgelaufen',
    expiredAdvice:
      'Ihre Gültigkeit und eine etwaige Kulanzzeit sind vorbei. Verlängern Sie sie bei Ihrem Anbieter und wählen Sie dann „Beim Server prüfen“.',
    clockTitle: 'Die Uhr dieses Computers wurde zurückgestellt',
    clockAdvice:
      'Sein Datum liegt vor einem Zeitpunkt, den diese App bereits gesehen hat, daher ist hier keinem Datum zu trauen. Stellen Sie Datum und Uhrzeit richtig ein und wählen Sie dann „Beim Server prüfen“, um die Lizenz zu bestätigen.',
  },
  pending: {
    refresh: 'Die Lizenz wird beim Server geprüft…',
    borrow: 'Die Lizenz wird ausgeliehen…',
    release: 'Der Floating-Lizenzplatz wird freigegeben…',
    consume: 'Die Nutzung wird erfasst…',
    'feature-check': (feature) => `„${feature}“ wird geprüft…`,
    'feature-borrow': (feature) => `„${feature}“ wird ausgeliehen…`,
    'feature-release': (feature) => `„${feature}“ wird freigegeben…`,
    'feature-consume': (feature) => `Die Nutzung von „${feature}“ wird erfasst…`,
  },
  notes: {
    refreshed: (verdict) => `Beim Server geprüft: ${verdict}.`,
    borrowedUntil: (date) => `Ausgeliehen bis ${date}.`,
    borrowed: 'Ausgeliehen.',
    released: 'Floating-Lizenzplatz freigegeben.',
    recorded: (amount) => `${n(amount)} erfasst.`,
    recordedMeter: (amount, meter) => `${n(amount)} erfasst: ${meter}.`,
    featureAvailable: (feature) => `„${feature}“ geprüft: verfügbar.`,
    featureSlotHeld: (feature, slots) => `„${feature}“ geprüft: Lizenzplatz belegt · ${slots}.`,
    featureNoSlot: (feature, slots) => `„${feature}“ geprüft: kein Lizenzplatz belegt · ${slots}.`,
    featureBorrowedUntil: (feature, date) => `„${feature}“: ausgeliehen bis ${date}.`,
    featureBorrowed: (feature) => `„${feature}“: ausgeliehen.`,
    featureReleased: (feature) => `„${feature}“ freigegeben.`,
    featureRecorded: (amount, feature) => `${n(amount)} für „${feature}“ erfasst.`,
    featureRecordedMeter: (amount, feature, meter) =>
      `${n(amount)} für „${feature}“ erfasst: ${meter}.`,
  },
  errorTitles: {
    usageLimit: 'Das Nutzungslimit ist erreicht',
    allSlots: 'Alle Floating-Lizenzplätze sind belegt',
    allFeatureSlots: 'Alle Lizenzplätze dieser Funktion sind belegt',
    featureExpired: 'Diese Funktion ist abgelaufen',
    checkAmount: 'Prüfen Sie die Menge',
    checkBorrowDate: 'Prüfen Sie das Ausleihdatum',
  },
  trial: {
    startDays: (days) => `${days}-tägige Testlizenz starten`,
    start: 'Testlizenz starten',
    started: 'Testlizenz gestartet.',
    emailProblem:
      'Geben Sie eine E-Mail-Adresse wie name@example.com ein oder lassen Sie das Feld leer.',
  },

  pages: {
    licence: 'Lizenz',
    licenceLoading: 'Die Lizenzdetails werden geladen',
    features: 'Funktionen',
    featuresLoading: 'Die Funktionen werden geladen',
    featureList: 'Funktionen',
    noFeatures: 'Diese Lizenz enthält keine Funktionen',
    noFeaturesText:
      'Diese Lizenz umfasst die Software als Ganzes, ohne separat lizenzierte Funktionen. Wenn Sie eine Erweiterung gekauft haben, wählen Sie „Beim Server prüfen“; erscheint sie danach immer noch nicht, bitten Sie Ihren Anbieter, sie dieser Lizenz hinzuzufügen.',
  },
  serverCheck: {
    region: 'Serverprüfung',
    checkedAt: 'Beim Server geprüft: {when}',
    checking: 'Wird geprüft…',
    check: 'Beim Server prüfen',
  },
  terms: {
    title: 'Lizenzbedingungen',
    trialBadge: 'Testlizenz',
    type: 'Typ',
    typeTrial: (type) => `${type} (Testlizenz)`,
    validUntil: 'Gültig bis',
    noExpiry: 'Läuft nicht ab',
    timeLeft: 'Restlaufzeit',
    ended: 'Keine: Die Laufzeit ist vorbei',
    starts: 'Beginnt',
    maintenanceUntil: 'Wartung bis',
    noMaintenance: 'Kein Wartungsvertrag',
    transfers: 'Übertragungen',
    activations: 'Aktivierungen',
    activationsUsed: 'Genutzte Aktivierungen',
  },
  notSet: 'Nicht angegeben',
  customer: { title: 'Kunde', name: 'Name', company: 'Firma', email: 'E-Mail' },
  consumption: {
    title: 'Lizenznutzung',
    description: 'Die auf diese Lizenz erfasste Nutzung, von allen Computern, die sie verwenden.',
    meter: 'Lizenznutzung',
    overages: 'Mehrverbrauch',
    counter: 'Zähler',
    givingBack: 'Nutzung zurückgeben',
    allowed: 'Erlaubt',
    notAllowed: 'Nicht erlaubt',
  },
  floating: {
    title: 'Floating-Lizenz',
    description: (max) =>
      `Computer teilen sich ${n(max)} ${slotsDe(max)}: Ein Computer belegt einen, solange die Software läuft, und gibt ihn zurück, wenn sie beendet wird.`,
    slotsInUse: 'Belegte Lizenzplätze',
    slotsBar: 'Belegte Floating-Lizenzplätze',
    lapsesAfter: 'Lizenzplatz verfällt nach',
    lapse: (minutes) => `${n(minutes)} min ohne Prüfung`,
    borrowing: 'Ausleihen',
    borrowUpTo: (duration) => `Höchstens ${duration}`,
    borrowAllowed: 'Erlaubt',
    borrowNotAllowed: 'Nicht erlaubt',
    borrowedUntil: 'Ausgeliehen bis',
    releaseText:
      'Geben Sie den Lizenzplatz jetzt zurück, damit ein anderer Computer ihn belegen kann. Die Software auf diesem Computer funktioniert erst wieder, wenn sie erneut einen Lizenzplatz belegt.',
    releasing: 'Wird freigegeben…',
    release: 'Lizenzplatz freigeben',
  },
  feature: {
    floatingSlots: 'Floating-Lizenzplätze',
    slotsOf: (feature) => `Belegte Lizenzplätze von „${feature}“`,
    lapse: (minutes) => `Ein Lizenzplatz verfällt nach ${n(minutes)} min ohne Prüfung`,
    usage: 'Nutzung',
    usageOf: (feature) => `Nutzung von „${feature}“`,
    overages: (text) => `Mehrverbrauch: ${lowerFirst(text)}`,
    expiredText:
      'Diese Funktion ist abgelaufen: Die Software bietet sie nicht mehr an. Bitten Sie Ihren Anbieter, sie zu verlängern.',
    includedText:
      'In dieser Lizenz auf diesem Computer enthalten; es sind keine Lizenzplätze oder Nutzung zu zählen.',
    expired: 'Abgelaufen',
    until: 'Bis {date}',
    checking: 'Wird geprüft…',
    check: 'Prüfen',
    checkFeature: (feature) => `„${feature}“ prüfen`,
    borrow: 'Ausleihen…',
    borrowFeature: (feature) => `„${feature}“ ausleihen…`,
    releasing: 'Wird freigegeben…',
    release: 'Freigeben',
    releaseFeature: (feature) => `„${feature}“ freigeben`,
    close: 'Schließen',
  },
  forms: {
    borrowUntil: 'Ausleihen bis',
    optional: '(optional)',
    borrow: 'Ausleihen',
    borrowing: 'Wird ausgeliehen…',
    borrowLimit: (duration, latest) => `Höchstens ${duration}: spätestens bis ${latest}.`,
    borrowHelp:
      'Lassen Sie das Feld leer, um so lange wie erlaubt auszuleihen. Die Zeiten gelten in der Zeitzone dieses Computers.',
    recordUsage: 'Nutzung erfassen',
    record: 'Erfassen',
    recording: 'Wird erfasst…',
    amount: 'Menge',
    noLimit: 'Für die Erfassung gibt es kein Limit.',
    left: (left) => `Es können noch ${n(left)} erfasst werden.`,
    negative: 'Eine negative Menge gibt Nutzung zurück.',
  },
};
