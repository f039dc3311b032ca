import type { Translation } from '../text';
import type { commonEn } from './common.en';

export const commonDe: Translation<typeof commonEn> = {
  withServerText: (p) => `${p.message} (Der Server meldete: „${p.server}“)`,
  addressNotUrl: () =>
    'Die Adresse des Lizenzservers ist keine gültige URL. Prüfen Sie die Konfiguration.',
  addressNotHttp: () =>
    'Die Adresse des Lizenzservers muss mit http:// oder https:// beginnen. Prüfen Sie die Konfiguration.',
  tooManyRequests: (p, f) =>
    `Der Lizenzserver erhält zu viele Anfragen. Warten Sie ${p.seconds === undefined ? 'eine Minute' : f.duration(p.seconds)} und versuchen Sie es erneut.`,
  serverGaveUp: (p) =>
    `Der Lizenzserver unter ${p.host} hat das Warten auf die Anfrage aufgegeben. Versuchen Sie es erneut.`,
  serverTrouble: (p) =>
    `Beim Lizenzserver ist ein Problem aufgetreten (HTTP ${p.status}). Versuchen Sie es in einigen Minuten erneut.`,
  noLicensingService: (p) =>
    `Der Server unter ${p.host} bietet den Lizenzdienst nicht an (HTTP 404). Prüfen Sie die Serveradresse in der Konfiguration.`,
  redirected: (p) =>
    `Der Server unter ${p.host} hat die Anfrage umgeleitet (HTTP ${p.status}). Prüfen Sie die Serveradresse in der Konfiguration (http oder https).`,
  unexpectedStatus: (p) =>
    `Der Lizenzserver unter ${p.host} hat eine Antwort gegeben, die diese App nicht versteht (HTTP ${p.status}).`,
  replyNotUnderstood: (p) =>
    `Der Lizenzserver unter ${p.host} hat eine Antwort gesendet, die diese App nicht versteht (${p.mismatch}). Prüfen Sie die Serveradresse in der Konfiguration; stimmt sie, läuft auf dem Server womöglich eine Version, die diese App nicht unterstützt: Wenden Sie sich an den Anbieter.`,
  replyEmpty: () => 'die Antwort war leer',
  replyWebPage: () =>
    'eine Webseite statt Daten: ein Captive Portal, ein Proxy oder eine falsche Adresse steht womöglich im Weg',
  replyPlainText: () => 'reiner Text statt Daten',
  replyNotObject: () => 'ein Objekt erwartet',
  replyShape: () => 'unerwarteter Aufbau',
  replyField: (p) => `${p.field ? `Feld ${p.field}` : 'Antwort'}: ${p.problem}`,
};
