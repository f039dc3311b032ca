import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/core-harness';
import { useCoreBehindHost } from '../support/core-behind-host';

/**
 * An activation link end to end below the UI, on a real core and a real loopback browser host:
 * the link is handed over (`POST /link`, the browser's stand-in for the OS), a `link:received`
 * event rings with no key in it, the page takes the link once over the IPC contract, and nothing
 * is activated by any of it.
 */
describe('activation links through the core and the browser host', () => {
  const { rig, post, invoke, openHost } = useCoreBehindHost();
  const link = (query: string) => `licensemgr://activate?${query}`;

  it('rings without the key, hands the key to the page once, and activates nothing', async () => {
    const controller = new AbortController();
    const events = await fetch(`${rig.host.origin}/events`, {
      headers: { cookie: rig.cookie },
      signal: controller.signal,
    });
    const reader = events.body!.getReader();
    await reader.read(); // the ": connected" comment

    const handed = await post('/link', { url: link(`key=${DEMO.floatingKey}&profile=seats`) });
    expect(await handed.json()).toEqual({ ok: true, value: {} });
    const frame = new TextDecoder().decode((await reader.read()).value);
    expect(JSON.parse(frame.replace(/^data: /, ''))).toEqual({
      channel: 'link:received',
      payload: {},
    });
    expect(frame).not.toContain(DEMO.floatingKey);
    controller.abort();

    expect(await invoke('link:take')).toEqual({
      ok: true,
      value: { kind: 'activate', key: DEMO.floatingKey, profileId: 'seats' },
    });
    expect(await invoke('link:take')).toEqual({ ok: true, value: { kind: 'none' } });
    expect(await invoke('licence:status', { profileId: 'seats' })).toMatchObject({
      ok: true,
      value: { status: 'inactive' },
    });
  });

  it('answers a link that is not an activation link as a coded refusal', async () => {
    await post('/link', { url: link(`key=${DEMO.floatingKey}&profile=other`) });
    const taken = await invoke('link:take');
    expect(taken).toMatchObject({
      ok: true,
      value: {
        kind: 'refused',
        error: { code: 'invalid_input', message: expect.stringMatching(/does not know/) },
      },
    });
    expect(JSON.stringify(taken)).not.toContain(DEMO.floatingKey);
  });

  it('takes links only from the session, from our own origin, as JSON with a url', async () => {
    const url = link(`key=${DEMO.floatingKey}`);
    expect((await post('/link', { url }, { cookie: '' })).status).toBe(401);
    expect((await post('/link', { url }, { origin: 'http://evil.example' })).status).toBe(401);
    expect((await post('/link', { url }, { 'content-type': 'text/plain' })).status).toBe(403);
    expect(await (await post('/link', { link: url })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await invoke('link:take')).toEqual({ ok: true, value: { kind: 'none' } });
  });

  it('has no link door when the host is not given one', async () => {
    await rig.host.close();
    await openHost(false);
    expect((await post('/link', { url: link('key=ABC') })).status).toBe(405);
  });
});
