import { describe, expect, it } from 'vitest';
import { enirisDemo } from '../../src/sandbox/eniris/server';
import {
  BAD_REQUEST,
  DAY,
  ENIRIS_START as START,
  enirisLicenceApiPerTest,
  FORBIDDEN,
  LICENSE_KEYS,
  NOT_FOUND,
  UNAUTHORIZED,
  UUID,
  type License,
} from '../support/eniris-licence-api';

/**
 * The Eniris licence API over real loopback HTTP (contract 4.3): claiming licences for
 * controllers, licences by controller and by customer, rights, datalinks.
 */

const demo = enirisDemo();
const eniris = enirisLicenceApiPerTest();
const { api, tokenFor } = eniris;
const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const claim = (body: unknown, token?: string) => api('POST', 'claim', body, token);
const keysOf = (body: Record<string, unknown>) => (body.licenses as License[]).map((l) => l.key);

describe('Eniris API: claim', () => {
  it('claims a free licence for a controller, idempotently', async () => {
    const res = await claim({ licenseKey: demo.freeKey, nodeId: demo.otherNodeId });
    expect(res.status).toBe(200);
    const id = eniris.sandbox.licence(demo.freeKey)?.id;
    expect(res.body).toEqual({
      success: true,
      license: { id, key: demo.freeKey, nodeId: demo.otherNodeId },
    });
    expect(await claim({ licenseKey: demo.freeKey, nodeId: demo.otherNodeId })).toEqual(res);
    expect(keysOf((await api('GET', `controller/${demo.otherNodeId}`)).body)).toEqual([
      demo.freeKey,
    ]);
    expect(eniris.sandbox.licence(demo.freeKey)?.activationDate).toBeNull(); // claiming is not activating
  });

  it('refuses a licence already claimed by a different controller with 400', async () => {
    const res = await claim({ licenseKey: demo.claimedKey, nodeId: demo.otherNodeId });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(eniris.sandbox.licence(demo.claimedKey)?.nodeId).toBe(demo.nodeId);
    expect((await claim({ licenseKey: demo.claimedKey, nodeId: demo.nodeId })).status).toBe(200);
  });

  it('answers 404 for an unknown key or controller, 403 without rights, 400 for a bad body', async () => {
    expect(await claim({ licenseKey: 'NO-SUCH-KEY', nodeId: demo.otherNodeId })).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
    expect(await claim({ licenseKey: demo.freeKey, nodeId: 'NO-SUCH-NODE' })).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
    for (const body of [
      { licenseKey: demo.freeKey, nodeId: demo.forbiddenNodeId },
      { licenseKey: demo.forbiddenKey, nodeId: demo.otherNodeId },
    ]) {
      expect(await claim(body)).toEqual({ status: 403, body: FORBIDDEN });
    }
    for (const body of [
      { licenseKey: demo.freeKey },
      { licenseKey: demo.freeKey, nodeId: '' },
      { key: demo.freeKey, nodeId: demo.nodeId },
    ]) {
      expect(await claim(body)).toEqual({ status: 400, body: BAD_REQUEST });
    }
    expect(eniris.sandbox.licence(demo.freeKey)?.nodeId).toBeNull();
  });
});

describe('Eniris API: listings', () => {
  it('lists a controller’s licences; 404 unknown, 403 without rights', async () => {
    const res = await api('GET', `controller/${encodeURIComponent(demo.nodeId)}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['licenses']);
    expect(keysOf(res.body)).toEqual([demo.activeKey, demo.expiredKey, demo.claimedKey]);
    for (const license of res.body.licenses as License[])
      expect(Object.keys(license)).toEqual(LICENSE_KEYS);
    expect(await api('GET', `controller/${demo.otherNodeId}`)).toEqual({
      status: 200,
      body: { licenses: [] },
    });
    expect(await api('GET', 'controller/NO-SUCH-NODE')).toEqual({ status: 404, body: NOT_FOUND });
    expect(await api('GET', `controller/${demo.forbiddenNodeId}`)).toEqual({
      status: 403,
      body: FORBIDDEN,
    });
    expect((await api('GET', `controller/${demo.nodeId}`, undefined, 'bad')).body).toEqual(
      UNAUTHORIZED,
    );
  });

  it('shows running, expired and deactivated licences as dates, days of duration', async () => {
    const list = (await api('GET', `customer/${demo.customerId}`)).body.licenses as License[];
    const byKey = (key: string) => list.find((l) => l.key === key) as License;
    const ends = (l: License) => Date.parse(l.activationDate ?? '') + (l.duration as number) * DAY;
    expect(ends(byKey(demo.activeKey))).toBeGreaterThan(START);
    expect(ends(byKey(demo.expiredKey))).toBeLessThan(START);
    expect(byKey(demo.expiredKey).deactivationDate).toBeNull();
    expect(byKey(demo.deactivatedKey)).toMatchObject({
      type: 'commercial',
      deactivationDate: expect.stringMatching(ISO_SECONDS),
    });
    for (const l of list) {
      expect(l.creationDate).toMatch(ISO_SECONDS);
      if (l.activationDate !== null) expect(l.activationDate).toMatch(ISO_SECONDS);
    }
  });

  it('lists a customer’s licences, with datalinks only when asked', async () => {
    const plain = await api('GET', `customer/${demo.customerId}`);
    expect(plain.status).toBe(200);
    expect(keysOf(plain.body)).toEqual([
      demo.freeKey,
      demo.activeKey,
      demo.expiredKey,
      demo.claimedKey,
      demo.deactivatedKey,
    ]);
    for (const l of plain.body.licenses as License[]) expect(Object.keys(l)).toEqual(LICENSE_KEYS);
    expect((await api('GET', `customer/${demo.customerId}?includeDatalinks=false`)).body).toEqual(
      plain.body,
    );

    await claim({ licenseKey: demo.freeKey, nodeId: demo.otherNodeId });
    const withLinks = await api('GET', `customer/${demo.customerId}?includeDatalinks=true`);
    const links = (withLinks.body.licenses as License[]).map((l) => [l.key, l.datalinks]);
    const [nodeLink] = (withLinks.body.licenses as License[]).find((l) => l.key === demo.activeKey)
      ?.datalinks as string[];
    const [otherLink] = (withLinks.body.licenses as License[]).find((l) => l.key === demo.freeKey)
      ?.datalinks as string[];
    expect(nodeLink).toMatch(UUID);
    expect(otherLink).toMatch(UUID);
    expect(otherLink).not.toBe(nodeLink);
    expect(links).toEqual([
      [demo.freeKey, [otherLink]],
      [demo.activeKey, [nodeLink]],
      [demo.expiredKey, [nodeLink]],
      [demo.claimedKey, [nodeLink]],
      [demo.deactivatedKey, []],
    ]);
  });

  it('answers 400 for a non-uuid customer or flag, 404 unknown, 403 without rights', async () => {
    expect(await api('GET', 'customer/not-a-uuid')).toEqual({ status: 400, body: BAD_REQUEST });
    expect(await api('GET', `customer/${demo.customerId}?includeDatalinks=yes`)).toEqual({
      status: 400,
      body: BAD_REQUEST,
    });
    expect(await api('GET', 'customer/00000000-0000-4000-8000-000000000000')).toEqual({
      status: 404,
      body: NOT_FOUND,
    });
    expect(await api('GET', `customer/${demo.forbiddenCustomerId}`)).toEqual({
      status: 403,
      body: FORBIDDEN,
    });
    const other = await tokenFor('installer@other-installer.example', 'OtherDemo!2024');
    const theirs = await api('GET', `customer/${demo.forbiddenCustomerId}`, undefined, other);
    expect(theirs.status).toBe(200);
    expect(keysOf(theirs.body)).toContain(demo.forbiddenKey);
  });
});
