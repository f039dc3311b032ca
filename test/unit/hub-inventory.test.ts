import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubSecretName } from '../../src/main/hubs/hub-records';
import { createHubService } from '../../src/main/hubs/hub-service';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { hubDraftSchema, type HubDraft } from '../../src/shared/hubs-model';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/** The inventory: what is kept where (document vs secret store), and what edits invalidate. */

const tempDir = useTempDir();
const draft = (fields: Partial<HubDraft> = {}) =>
  hubDraftSchema.parse({
    name: 'Plant room',
    site: 'Leeds',
    host: 'hub-1.example',
    hid: '00A1F3',
    username: 'admin',
    password: 'pw-1',
    ...fields,
  });

function setup() {
  const file = join(tempDir(), 'product.hubs.json');
  const secrets = createMemorySecretStore();
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const service = createHubService({ file, secrets, clock });
  return { file, secrets, clock, service };
}

describe('hub inventory: adding and editing', () => {
  it('keeps the password in the secret store and only "has a password" in the document', async () => {
    const { service, secrets, file } = setup();
    const hub = await service.add(draft());
    expect(hub).toMatchObject({
      name: 'Plant room',
      port: 8443,
      scheme: 'https',
      hasPassword: true,
    });
    expect(hub.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(secrets.entries.get(hubSecretName.password(hub.id))).toBe('pw-1');
    const document = readFileSync(file, 'utf8');
    expect(document).not.toContain('pw-1');
    expect(JSON.parse(document)).toMatchObject({
      version: 1,
      hubs: [{ id: hub.id, hasPassword: true }],
    });
  });

  it('requires a password on add, and refuses the same hub twice', async () => {
    const { service } = setup();
    const { password: _password, ...withoutPassword } = draft();
    expect((await licensingFailure(service.add(withoutPassword))).message).toMatch(/needs one/);
    await service.add(draft());
    const twin = await licensingFailure(
      service.add(draft({ host: 'HUB-1.example', hid: '00a1f3', name: 'Again' })),
    );
    expect(twin.message).toMatch(/already in the inventory as "Plant room" \(Leeds\)/);
  });

  it('refuses plain http for a hub not marked as on the LAN, even past the IPC schema', async () => {
    const { service } = setup();
    const sneaky = { ...draft(), scheme: 'http' as const, lan: false };
    const error = await licensingFailure(service.add(sneaky));
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/plain http is allowed only/),
    });
    await expect(service.add(draft({ scheme: 'http', lan: true }))).resolves.toMatchObject({
      scheme: 'http',
    });
  });

  it('will not talk plain http to a hub whose file entry was edited to leave the LAN', async () => {
    const { service, file } = setup();
    const hub = await service.add(draft({ scheme: 'http', lan: true, host: '127.0.0.1', port: 9 }));
    const document = JSON.parse(readFileSync(file, 'utf8')) as { hubs: { lan: boolean }[] };
    for (const entry of document.hubs) entry.lan = false;
    writeFileSync(file, JSON.stringify(document));
    const list = await service.refresh({ ids: [hub.id] });
    expect(list.hubs[0]?.lastError).toMatchObject({
      code: 'config',
      message: expect.stringMatching(/plain http but not marked as on the site LAN/),
    });
  });

  it('keeps the password when an edit leaves it out, and keeps the pin when the hub did not move', async () => {
    const { service, secrets, file } = setup();
    const hub = await service.add(draft());
    await pin(file, hub.id);
    await secrets.set(hubSecretName.refreshToken(hub.id), 'refresh-1');
    const { password: _password, ...rename } = draft({ name: 'Boiler room' });
    const edited = await service.update(hub.id, rename);
    expect(edited).toMatchObject({
      name: 'Boiler room',
      hasPassword: true,
      tlsFingerprint: FINGERPRINT,
    });
    expect(secrets.entries.get(hubSecretName.password(hub.id))).toBe('pw-1');
    expect(secrets.entries.get(hubSecretName.refreshToken(hub.id))).toBe('refresh-1');
  });

  it.each([
    ['host', { host: '10.0.0.9' }],
    ['port', { port: 9443 }],
    ['scheme', { scheme: 'http' as const, lan: true }],
  ])('clears the pin and the session when the %s changes', async (_field, change) => {
    const { service, secrets, file } = setup();
    const hub = await service.add(draft());
    await pin(file, hub.id);
    await secrets.set(hubSecretName.refreshToken(hub.id), 'refresh-1');
    const { password: _password, ...rest } = draft(change);
    const edited = await service.update(hub.id, rest);
    expect(edited.tlsFingerprint).toBeUndefined();
    expect(secrets.entries.has(hubSecretName.refreshToken(hub.id))).toBe(false);
  });

  it('drops the session, not the pin, when the account changes', async () => {
    const { service, secrets, file } = setup();
    const hub = await service.add(draft());
    await pin(file, hub.id);
    await secrets.set(hubSecretName.refreshToken(hub.id), 'refresh-1');
    const edited = await service.update(hub.id, draft({ username: 'engineer', password: 'pw-2' }));
    expect(edited.tlsFingerprint).toBe(FINGERPRINT);
    expect(secrets.entries.get(hubSecretName.password(hub.id))).toBe('pw-2');
    expect(secrets.entries.has(hubSecretName.refreshToken(hub.id))).toBe(false);
  });
});

describe('hub inventory: finding and removing', () => {
  it('finds a hub by inventory id or by hid in any case, and says when a hid is ambiguous', async () => {
    const { service } = setup();
    const first = await service.add(draft());
    expect(service.find(first.id).id).toBe(first.id);
    expect(service.find('00a1f3').id).toBe(first.id);
    await service.add(draft({ host: 'hub-2.example', site: 'York', name: 'Other' }));
    expect(
      (await licensingFailure(Promise.resolve().then(() => service.find('00A1F3')))).message,
    ).toMatch(/names 2 hubs \("Plant room" \(Leeds\), "Other" \(York\)\)/);
    expect(() => service.find('FFFFFF')).toThrow(/There is no hub FFFFFF/);
  });

  it('removes a hub, then deletes every secret it had', async () => {
    const { service, secrets, file } = setup();
    const kept = await service.add(draft({ hid: '000001' }));
    const gone = await service.add(draft());
    await secrets.set(hubSecretName.refreshToken(gone.id), 'refresh');
    await secrets.set(hubSecretName.licenceCode(gone.id), 'c248-0687');
    const list = await service.remove(gone.id);
    expect(list.hubs.map((hub) => hub.id)).toEqual([kept.id]);
    expect([...secrets.entries.keys()]).toEqual([hubSecretName.password(kept.id)]);
    expect(readFileSync(file, 'utf8')).not.toContain(gone.id);
  });
});

describe('hub inventory: the file', () => {
  it('moves a damaged file aside and starts empty', () => {
    const dir = tempDir();
    const file = join(dir, 'product.hubs.json');
    writeFileSync(file, '{"version":1,"hubs":[{"id":');
    const service = createHubService({
      file,
      secrets: createMemorySecretStore(),
      clock: createManualClock(42),
    });
    expect(service.list().hubs).toEqual([]);
    expect(readdirSync(dir)).toEqual(['product.hubs.json.corrupt-42']);
  });

  it('sees hubs another process (the CLI) added to the same file', async () => {
    const { service, file, secrets, clock } = setup();
    const cli = createHubService({ file, secrets, clock });
    await cli.add(draft());
    expect(service.list().hubs).toHaveLength(1);
    await service.add(draft({ hid: '000002' }));
    expect(cli.list().hubs).toHaveLength(2);
  });

  it('imports: adds new hubs, updates known ones (hid + host) without needing their password', async () => {
    const { service, secrets } = setup();
    const known = await service.add(draft());
    const csv = [
      'name,site,host,hid,username,password',
      'Renamed,Leeds,HUB-1.example,00a1f3,admin,',
      'New,York,hub-9.example,000009,ops,pw-9',
      'No password,York,hub-8.example,000008,ops,',
      'Twice,York,hub-9.example,000009,ops,pw-9',
    ].join('\n');
    const result = await service.importCsv(csv);
    expect(result).toMatchObject({ added: 1, updated: 1 });
    expect(result.rejected).toMatchObject([
      { line: 4, message: 'password: a hub that is not in the inventory yet needs its password' },
      { line: 5, message: 'hub 000009 at hub-9.example is already on line 3' },
    ]);
    expect(result.hubs.map((hub) => hub.name).sort()).toEqual(['New', 'Renamed']);
    expect(secrets.entries.get(hubSecretName.password(known.id))).toBe('pw-1');
    expect(service.exportCsv()).not.toMatch(/pw-/);
  });
});

const FINGERPRINT = Array.from({ length: 32 }, () => 'AB').join(':');

/** Pins a fingerprint as trust() would, without a TLS server (the TLS tests cover trust itself). */
async function pin(file: string, id: string): Promise<void> {
  const document = JSON.parse(readFileSync(file, 'utf8')) as {
    hubs: { id: string; tlsFingerprint?: string }[];
  };
  for (const hub of document.hubs) if (hub.id === id) hub.tlsFingerprint = FINGERPRINT;
  writeFileSync(file, JSON.stringify(document));
}
