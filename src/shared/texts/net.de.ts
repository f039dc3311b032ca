import type { Translation } from '../text';
import { sentence, type netEn, type ProxyParts } from './net.en';

/** A deadline as the English gives it, exact: "1 Sekunde", "2,5 Sekunden". */
const seconds = (value: number, format: (value: number) => string): string =>
  value === 1 ? 'einer Sekunde' : `${format(value)} Sekunden`;

const WHERE_SET =
  'die Proxy-Einstellung (HTTPS_PROXY / HTTP_PROXY oder die Proxy-Einstellungen dieses Computers)';

const PROXY_UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'hat die Verbindung abgelehnt',
  ENOTFOUND: 'wurde nicht gefunden (DNS)',
  EAI_AGAIN: 'konnte nicht aufgelöst werden (DNS)',
  EHOSTUNREACH: 'ist über das Netzwerk nicht erreichbar',
  ENETUNREACH: 'ist über das Netzwerk nicht erreichbar',
  ECONNRESET: 'hat die Verbindung vor einer Antwort geschlossen',
};

/** A SOCKS proxy's reply codes, as in net.en.ts. */
const SOCKS_REPLIES: Readonly<Record<number, string>> = {
  1: 'allgemeiner Fehler',
  2: 'nach seinen Regeln nicht erlaubt',
  3: 'Netzwerk nicht erreichbar',
  4: 'Host nicht erreichbar',
  5: 'Verbindung abgelehnt',
  6: 'Zeit abgelaufen',
  7: 'Befehl nicht unterstützt',
  8: 'Adresstyp nicht unterstützt',
  91: 'abgelehnt oder fehlgeschlagen',
};

const socksReply = (reply: number): string =>
  `SOCKS-Antwort ${reply}: ${SOCKS_REPLIES[reply] ?? 'unbekannt'}`;

/** `proxyPartsEn` in German: the same two parts for the connection test and the messages. */
export const proxyPartsDe: { readonly [K in keyof ProxyParts]: ProxyParts[K] } = {
  proxyAsksCredentials: (p) => ({
    problem: `Der Proxy ${p.proxy} verlangt einen Benutzernamen und ein Passwort (407 Proxy Authentication Required)`,
    fix: 'Tragen Sie beides in die Proxy-Adresse ein (http://benutzer:passwort@host:port in HTTPS_PROXY), oder bitten Sie die IT, diesen Computer durchzulassen',
  }),
  proxyAsksWindowsSignIn: (p) => ({
    problem: `Der Proxy ${p.proxy} verlangt eine Windows-Anmeldung (Negotiate oder NTLM, 407 Proxy Authentication Required)`,
    fix: 'Die App meldet Sie über den Netzwerkdienst dieses Computers selbst an; diese Befehlszeile kann das nicht: Verwenden Sie --cli der installierten App, oder tragen Sie einen Benutzernamen und ein Passwort, die der Proxy annimmt, in die Proxy-Adresse ein (http://benutzer:passwort@host:port in HTTPS_PROXY)',
  }),
  proxyCannotReachServer: (p) => ({
    problem: `Der Proxy ${p.proxy} konnte ${p.target} nicht erreichen (${p.status})`,
    fix: 'Prüfen Sie die Serveradresse; der Server ist vielleicht nicht in Betrieb, oder der Proxy kann seinen Namen nicht auflösen',
  }),
  proxyRefusedServer: (p) => ({
    problem: `Der Proxy ${p.proxy} hat die Verbindung zu ${p.target} abgelehnt (${p.status})`,
    fix: 'Bitten Sie die IT, diese Adresse über den Proxy freizugeben, oder tragen Sie sie in NO_PROXY ein, wenn sie in Ihrem Netzwerk liegt',
  }),
  proxyTimedOut: (p) => ({
    problem: `Der Proxy ${p.proxy} hat nicht rechtzeitig geantwortet`,
    fix: `Prüfen Sie ${WHERE_SET}; der Proxy ist vielleicht nicht in Betrieb, oder eine Firewall verwirft die Verbindung`,
  }),
  proxyUnreachable: (p) => ({
    problem: `Der Proxy ${p.proxy} ${PROXY_UNREACHABLE[p.socketCode] ?? `ist nicht erreichbar (${p.socketCode})`}`,
    fix: `Prüfen Sie ${WHERE_SET} und ob der Proxy läuft`,
  }),
  proxyNotVerified: (p) => ({
    problem: `Die sichere Verbindung zum HTTPS-Proxy ${p.proxy} konnte nicht überprüft werden (${p.code})`,
    fix: `Prüfen Sie, ob ${WHERE_SET} einen HTTPS-Proxy nennt (https://); wenn ja, muss seinem Zertifikat vertraut werden: Nehmen Sie die Zertifizierungsstelle, die es ausgestellt hat, in das CA-Bundle (caFile) auf`,
  }),
  /** `detail` is the tunnel's own English words, quoted; NOT_HTTP has a German sentence. */
  proxyFailed: (p) => ({
    problem: `Der Proxy ${p.proxy} meldet: „${p.detail}“`,
    fix: `Prüfen Sie ${WHERE_SET}: Die Adresse ist vielleicht kein Proxy der genannten Art`,
  }),
  socksAsksCredentials: (p) => ({
    problem: `Der SOCKS-Proxy ${p.proxy} hat den Benutzernamen und das Passwort dieses Computers nicht angenommen oder verlangt sie`,
    fix: 'Tragen Sie beides in die Proxy-Adresse ein (socks5://benutzer:passwort@host:port), oder bitten Sie die IT, diesen Computer durchzulassen',
  }),
  socksRefusedServer: (p) => ({
    problem: `Der SOCKS-Proxy ${p.proxy} hat die Verbindung zu ${p.target} abgelehnt (${socksReply(p.reply)})`,
    fix: 'Bitten Sie die IT, diese Adresse über den Proxy freizugeben, oder tragen Sie sie in NO_PROXY ein, wenn sie in Ihrem Netzwerk liegt',
  }),
  socksCannotReachServer: (p) => ({
    problem: `Der SOCKS-Proxy ${p.proxy} konnte ${p.target} nicht erreichen (${socksReply(p.reply)})`,
    fix: 'Prüfen Sie die Serveradresse; der Server ist vielleicht nicht in Betrieb, oder der Proxy kann seinen Namen nicht auflösen',
  }),
};

export const netDe: Translation<typeof netEn> = {
  connectionCut: (p) =>
    `Die Verbindung zu ${p.host} wurde vor einer Antwort unterbrochen. Versuchen Sie es erneut; geschieht das immer wieder, stört womöglich ein Proxy oder eine Firewall.`,
  connectionRefused: (p) =>
    `${p.host} ist nicht erreichbar: Die Verbindung wurde abgelehnt. Prüfen Sie die Adresse und ob der Server läuft.`,
  nameNotFound: (p) =>
    `${p.host} ist nicht erreichbar: Der Name wurde nicht gefunden. Prüfen Sie die Adresse auf Tippfehler und ob dieser Computer online ist.`,
  nameLookupFailed: (p) =>
    `${p.host} ist nicht erreichbar: Die Namensauflösung ist vorerst fehlgeschlagen. Prüfen Sie die Netzwerkverbindung dieses Computers und versuchen Sie es erneut.`,
  noRoute: (p) =>
    `${p.host} ist nicht erreichbar: Es gibt keinen Netzwerkweg dorthin. Prüfen Sie, ob dieser Computer mit dem richtigen Netzwerk verbunden ist.`,
  closedWhileSending: (p) =>
    `Die Verbindung zu ${p.host} wurde beim Senden geschlossen. Versuchen Sie es erneut; geschieht das immer wieder, stört womöglich ein Proxy oder eine Firewall.`,
  noAnswerInTime: (p, f) =>
    `${p.host} hat nicht innerhalb von ${seconds(p.seconds, f.number)} geantwortet. Der Server ist vielleicht ausgelastet oder das Netzwerk langsam; versuchen Sie es erneut.`,
  cancelled: (p) => `Die Anfrage an ${p.host} wurde abgebrochen, bevor eine Antwort kam.`,
  replyTooLarge: (p, f) =>
    `${p.host} hat eine Antwort mit mehr als ${f.number(p.bytes)} Bytes gesendet, weit mehr, als eine Lizenzantwort braucht. Prüfen Sie die Serveradresse.`,
  connectTookTooLong: (p) =>
    `Der Verbindungsaufbau zu ${p.host} hat zu lange gedauert. Der Server ist vielleicht nicht in Betrieb, oder eine Firewall verwirft die Verbindung.`,
  notVerified: (p) =>
    `Die sichere Verbindung zu ${p.host} konnte nicht überprüft werden (${p.code}). Ist das Ihr eigener Server im Unternehmen, muss seinem Zertifikat vertraut werden; andernfalls fängt womöglich etwas im Netzwerk die Verbindung ab.`,
  cannotReach: (p) =>
    `${p.host} ist nicht erreichbar (${p.code || 'Netzwerkfehler'}). Prüfen Sie die Netzwerkverbindung dieses Computers und versuchen Sie es erneut.`,

  addressNotUrl: () =>
    'Die Serveradresse ist keine gültige URL. Prüfen Sie die Adresse in der Konfiguration.',
  addressNotHttp: (p) =>
    `Die Serveradresse muss mit http:// oder https:// beginnen (angegeben: ${p.protocol}). Prüfen Sie die Konfiguration.`,
  talkingFailed: (p) =>
    `Bei der Verbindung mit ${p.host} ist etwas schiefgegangen. Bitte melden Sie diesen Fehler.`,
  damagedJson: (p) =>
    `Der Server unter ${p.host} hat eine beschädigte Antwort gesendet (sie gibt sich als JSON aus, lässt sich aber nicht lesen). Versuchen Sie es erneut; bleibt der Fehler, prüfen Sie die Serveradresse.`,

  proxyAsksCredentials: (p) => sentence(proxyPartsDe.proxyAsksCredentials(p)),
  proxyAsksWindowsSignIn: (p) => sentence(proxyPartsDe.proxyAsksWindowsSignIn(p)),
  proxyCannotReachServer: (p) => sentence(proxyPartsDe.proxyCannotReachServer(p)),
  proxyRefusedServer: (p) => sentence(proxyPartsDe.proxyRefusedServer(p)),
  proxyTimedOut: (p) => sentence(proxyPartsDe.proxyTimedOut(p)),
  proxyNotVerified: (p) => sentence(proxyPartsDe.proxyNotVerified(p)),
  proxyUnreachable: (p) => sentence(proxyPartsDe.proxyUnreachable(p)),
  proxyNotHttp: (p) =>
    sentence({
      problem: `Der Proxy ${p.proxy} hat auf CONNECT mit etwas geantwortet, das kein HTTP ist`,
      fix: proxyPartsDe.proxyFailed({ proxy: p.proxy, detail: '' }).fix,
    }),
  proxyNotSocks: (p) =>
    sentence({
      problem: `Der Proxy ${p.proxy} hat in etwas geantwortet, das kein SOCKS ist`,
      fix: proxyPartsDe.proxyFailed({ proxy: p.proxy, detail: '' }).fix,
    }),
  proxyFailed: (p) => sentence(proxyPartsDe.proxyFailed(p)),
  socksAsksCredentials: (p) => sentence(proxyPartsDe.socksAsksCredentials(p)),
  socksRefusedServer: (p) => sentence(proxyPartsDe.socksRefusedServer(p)),
  socksCannotReachServer: (p) => sentence(proxyPartsDe.socksCannotReachServer(p)),

  proxyNotAnAddress: (p) =>
    `${p.source} ist keine Proxy-Adresse. Schreiben Sie sie als http://host:port oder socks5://host:port (mit benutzer:passwort@ vor dem Host, wenn der Proxy sie verlangt).`,
  proxyNotHttpScheme: (p) =>
    `${p.source} nennt einen ${p.scheme}-Proxy; unterstützt werden http://- und https://-Proxys (https wird mit CONNECT durch sie getunnelt) sowie socks5://- und socks4://-Proxys. Fragen Sie die IT nach der Adresse eines HTTP-, HTTPS- oder SOCKS-Proxys.`,
  proxyNoHost: (p) =>
    `${p.source} enthält keinen Hostnamen. Schreiben Sie die Adresse als http://host:port.`,
  systemProxyUnusable: (p) =>
    `Die Proxy-Einstellung des Systems („${p.entries}“) nennt nur Proxys, die diese App nicht verwenden kann (QUIC-Proxys). Bitten Sie die IT um einen HTTP-, HTTPS- oder SOCKS-Proxy oder einen direkten Weg zum Lizenzserver.`,
  systemProxyUnreadable: (p) =>
    `Die Proxy-Einstellung des Systems „${p.entry}“ lässt sich nicht lesen. Prüfen Sie die Proxy-Einstellungen dieses Computers.`,
  systemProxyFailed: () =>
    'Die Proxy-Einstellungen dieses Computers konnten nicht gelesen werden. Prüfen Sie sie, oder fragen Sie die IT.',

  caTooLarge: (p) =>
    `caFile: ${p.file} ist größer als 1 MB und kann kein CA-Bundle sein. Prüfen Sie den Pfad.`,
  caMissing: (p) =>
    `caFile: ${p.file} existiert nicht. Legen Sie die PEM-Datei Ihrer Zertifizierungsstelle dort ab, oder korrigieren Sie den Pfad in der Konfiguration.`,
  caUnreadable: (p) =>
    `caFile: ${p.file} lässt sich nicht lesen (${p.code}). Prüfen Sie die Zugriffsrechte der Datei.`,
  caNoCertificate: (p) =>
    `caFile: ${p.file} enthält kein Zertifikat. Geben Sie die Zertifikate der Zertifizierungsstelle im PEM-Format an (-----BEGIN CERTIFICATE-----).`,
  caDamaged: (p, f) =>
    `caFile: ${p.file} enthält ein beschädigtes Zertifikat (Nummer ${f.number(p.number)}). Exportieren Sie das Bundle erneut.`,

  unknownRequest: () => 'Unbekannte Anfrage.',
  requestField: (p) => `${p.field ? `Feld ${p.field}` : 'Anfrage'}: ${p.problem}`,
  fieldProfileId: () => 'eine Profil-ID besteht aus Kleinbuchstaben, Ziffern, - und _',
  fieldEnterKey: () => 'Geben Sie einen Lizenzschlüssel ein',
  fieldKeyTooLong: () => 'ein Lizenzschlüssel hat höchstens 256 Zeichen',
  fieldKeyPrintable: () => 'ein Lizenzschlüssel enthält nur druckbare ASCII-Zeichen',
  fieldRequired: () => 'dieses Feld ist erforderlich',
  fieldAtMost256: () => 'höchstens 256 Zeichen',
  fieldEnirisKeyTooLong: () => 'ein Eniris-Schlüssel hat höchstens 50 Zeichen',
  fieldPrintable: () => 'nur druckbare Zeichen',
  fieldEnterControllerId: () => 'Geben Sie die Controller-ID ein',
  fieldEnterFeatureCode: () => 'Geben Sie einen Funktionscode ein',
  fieldFeatureNoSpaces: () => 'ein Funktionscode enthält keine Leerzeichen',
  notFromTheApp: () => 'Anfrage abgelehnt: Sie kam nicht von der App.',
  sendLink: () => 'Senden Sie {"url": "licensemgr://activate?key=…"}.',
  unreadableRequest: () => 'Der Inhalt der Anfrage ist kein gültiges JSON oder zu groß.',
  browserHostCannotStart: (p) =>
    `Der Browser-Host kann nicht starten: ${p.why}. Wählen Sie einen anderen --port, oder 0 für einen beliebigen freien Port.`,
  portInUse: (p) => `Port ${p.port} wird bereits verwendet`,
  portNeedsAdmin: (p) => `Port ${p.port} erfordert Administratorrechte`,
  portUnusable: (p) => `127.0.0.1:${p.port} kann nicht verwendet werden (${p.code})`,

  redirectNotFollowed: (p) =>
    `${p.host} hat mit einer Weiterleitung geantwortet, der nicht gefolgt wird: Die Anfrage würde ihre Schlüssel an eine andere Adresse mitnehmen. Prüfen Sie die Serveradresse (https:// statt http:// oder den genauen Pfad).`,
  proxySignInRefused: (p) =>
    `Der Proxy auf dem Weg zu ${p.host} hat die Windows-Anmeldung dieses Computers nicht angenommen (407 Proxy Authentication Required). Fragen Sie die IT, ob Ihr Konto den Proxy nutzen darf, oder bitten Sie sie, diesen Computer durchzulassen.`,
};
