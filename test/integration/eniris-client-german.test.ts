import { describe, expect, it } from 'vitest';
import { inGerman } from '../support/in-german';
import { licensingFailure } from '../support/licensing-failure';
import { demo, useEnirisRig } from './eniris-rig';

/**
 * The Eniris client's refusals in German, over real loopback HTTP against the sandbox: each error
 * carries a text the screens render in German, while its message stays the English of the log.
 */

const start = useEnirisRig();

describe('eniris client on the sandbox, in German', () => {
  it('says a wrong password and the lockout after it, with the wait in German', async () => {
    const { client } = await start({ maxFailedLogins: 2 });
    const refused = await licensingFailure(client.login(demo.username, 'wrong'));
    expect(inGerman(refused)).toBe(
      'Eniris hat diesen Kontonamen und dieses Passwort nicht akzeptiert. Prüfen Sie beides und versuchen Sie es erneut.',
    );
    await licensingFailure(client.login(demo.username, 'wrong again'));
    const locked = await licensingFailure(client.login(demo.username, demo.password));
    expect(locked).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 300 });
    expect(locked.message).toMatch(/Try again in 5 minutes\.$/);
    expect(inGerman(locked)).toBe(
      'Für dieses Eniris-Konto gab es zu viele fehlgeschlagene Anmeldeversuche. Versuchen Sie es in 5 Minuten erneut.',
    );
  });

  it('says an ended session and a missing sign-in', async () => {
    const { client, peek, vault, signIn } = await start();
    await signIn();
    const stored = peek();
    await client.logout();
    expect(inGerman(await licensingFailure(client.activate(demo.freeKey)))).toBe(
      'Melden Sie sich zuerst bei Eniris an.',
    );
    if (stored) await vault.set(stored);
    expect(inGerman(await licensingFailure(client.activate(demo.freeKey)))).toBe(
      'Ihre Eniris-Sitzung ist abgelaufen. Melden Sie sich erneut an.',
    );
  });

  it('names the controller, the customer and the missing rights in German', async () => {
    const { client, signIn } = await start();
    await signIn();
    expect(inGerman(await licensingFailure(client.licencesOfController('NO-SUCH-NODE')))).toBe(
      'Eniris kennt keinen Controller mit der Controller-ID „NO-SUCH-NODE“. Prüfen Sie die Controller-ID.',
    );
    const forbidden = await licensingFailure(client.licencesOfController(demo.forbiddenNodeId));
    expect(forbidden.code).toBe('unauthorized');
    expect(inGerman(forbidden)).toBe(
      `Ihr Eniris-Konto hat keine Berechtigung für den Controller „${demo.forbiddenNodeId}“. Bitten Sie Ihren Eniris-Administrator um Zugriff.`,
    );
    const customer = await licensingFailure(client.licencesOfCustomer(demo.forbiddenCustomerId));
    expect(inGerman(customer)).toBe(
      `Ihr Eniris-Konto hat keine Berechtigung für den Kunden ${demo.forbiddenCustomerId}. Bitten Sie Ihren Eniris-Administrator um Zugriff.`,
    );
  });

  it('says a licence claimed elsewhere, with the server quoted in its own words', async () => {
    const { client, signIn } = await start();
    await signIn();
    await client.claim(demo.freeKey, demo.nodeId);
    const error = await licensingFailure(client.claim(demo.freeKey, demo.otherNodeId));
    expect(error.code).toBe('seat_unavailable');
    expect(inGerman(error)).toBe(
      'Diese Lizenz ist bereits einem anderen Controller zugeordnet. Verwenden Sie eine andere Lizenz oder heben Sie die Zuordnung dort zuerst auf. (Der Server meldete: „License is already claimed by another controller“)',
    );
  });

  it('says a web page where a token was expected, and a busy server with its wait', async () => {
    const { client, sandbox } = await start();
    sandbox.faults.inject({ kind: 'portal', path: '/auth/login', times: 1 });
    const portal = await licensingFailure(client.login(demo.username, demo.password));
    expect(portal.code).toBe('protocol');
    expect(inGerman(portal)).toBe(
      `Der Eniris-Anmeldedienst unter ${new URL(sandbox.url).host} hat eine Webseite (ein Captive Portal, ein Proxy oder eine falsche Adresse steht womöglich im Weg) gesendet, wo ein Anmeldetoken erwartet wurde. Versuchen Sie es erneut; bleibt der Fehler, prüfen Sie die Eniris-Adressen in der Konfiguration.`,
    );
    await client.login(demo.username, demo.password);
    sandbox.faults.inject({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 30,
      path: '/v1/license/activate',
      times: 1,
    });
    expect(inGerman(await licensingFailure(client.activate(demo.freeKey)))).toBe(
      'Eniris erhält zu viele Anfragen von diesem Computer. Versuchen Sie es in 30 Sekunden erneut.',
    );
    sandbox.faults.inject({ kind: 'status', status: 503, path: '/v1/license/activate', times: 1 });
    expect(inGerman(await licensingFailure(client.activate(demo.freeKey)))).toBe(
      'Bei Eniris ist ein Problem aufgetreten (HTTP 503). Versuchen Sie es in einigen Minuten erneut.',
    );
  });

  it('checks input before sending, with numbers in German', async () => {
    const { client, signIn } = await start();
    await signIn();
    const key = await licensingFailure(client.activate('K'.repeat(60)));
    expect(inGerman(key)).toBe(
      'Ein Eniris-Lizenzschlüssel hat höchstens 50 Zeichen; dieser hat 60. Prüfen Sie, was eingefügt wurde.',
    );
    const node = await licensingFailure(client.licencesOfController('N'.repeat(1_200)));
    expect(inGerman(node)).toBe('Eine Controller-ID hat höchstens 128 Zeichen; diese hat 1.200.');
    expect(node.message).toBe(
      "A controller's node id has at most 128 characters; this one has 1200.",
    );
  });
});
