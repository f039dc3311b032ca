import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configPreview } from '../main/config/config-preview';
import type { VendorConfig } from '../main/config/vendor-config';
import { startBrowserHost } from '../main/host/browser-host';
import { createFileRefusalLog } from '../main/ipc/refusal-log';
import { openCore, refusalLogOf, type CliContext, type CommandOutput } from './cli-context';

/** The long-running commands: `sandbox` (the licensing servers) and `serve` (the browser host). */

export async function runSandbox(context: CliContext): Promise<CommandOutput> {
  // Loaded here, not at the top: every other command (a silent install's `activate`) would
  // otherwise pay for loading every sandbox server.
  const [{ startSandboxes }, { demoConfigFor, hubInventoryCsv }] = await Promise.all([
    import('../sandbox'),
    import('../main/demo-mode'),
  ]);
  const set = await startSandboxes({
    host: '127.0.0.1',
    port: context.args.port ?? 0,
    hubs: context.args.hubs,
  });
  const dir = join(context.dataDir, 'sandbox');
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, `config-${new URL(set.servers.seats.url).port}.json`);
  const config = demoConfigFor(set, {
    productName: 'License Manager (sandbox)',
    productId: 'license-manager-sandbox',
  });
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // The hubs with their passwords go to a file, not the ready line (a thousand of them).
  const hubsCsv = join(dir, `hubs-${new URL(set.servers.mobiusflow.url).port}.csv`);
  writeFileSync(hubsCsv, hubInventoryCsv(set.servers.mobiusflow.hubs), { mode: 0o600 });
  // The vendor's signing key, for `vendor sign --key`, goes to a file too (a key in a JSON line
  // would end up in logs).
  const vendorKey = join(dir, `vendor-private-${new URL(set.servers.seats.url).port}.pem`);
  writeFileSync(vendorKey, set.demo.licenceFile.privateKeyPem, { mode: 0o600 });
  const { hubs, ...mobiusflow } = set.servers.mobiusflow;
  const { privateKeyPem: _kept, ...licenceFile } = set.demo.licenceFile;
  const value = {
    config: configFile,
    hubsCsv,
    vendorKey,
    servers: { ...set.servers, mobiusflow: { ...mobiusflow, hubCount: hubs.length } },
    demo: { ...set.demo, licenceFile },
  };
  context.announce({
    value,
    text: [
      `Sandbox servers running. Configuration: ${configFile}`,
      `  seats: ${set.servers.seats.url}`,
      `  floating demo key:   ${set.demo.seats.floatingKey}`,
      `  activation demo key: ${set.demo.seats.activationKey}`,
      `  flecs:  ${set.servers.flecs.url}  (account ${set.demo.flecs.username} / ${set.demo.flecs.password}, key ${set.demo.flecs.licenseKey})`,
      `  eniris: ${set.servers.eniris.apiUrl}  (account ${set.demo.eniris.username} / ${set.demo.eniris.password}, key ${set.demo.eniris.freeKey})`,
      `  licensespring: ${set.servers.licensespring.url}  (node-locked key ${set.demo.licensespring.nodeLockedKey}, floating key ${set.demo.licensespring.floatingKey})`,
      `  mobiusflow: ${set.servers.mobiusflow.url}  (${hubs.length} hubs; import ${hubsCsv} with \`hub import\`)`,
      `  licence files: sign one with \`vendor sign --key ${vendorKey} --config ${configFile}\``,
      'Press Ctrl+C to stop.',
    ].join('\n'),
  });
  await context.untilStopped();
  await set.close();
  return { value: { stopped: true }, text: 'Sandbox stopped.' };
}

export async function runServe(context: CliContext): Promise<CommandOutput> {
  // The configuration as written (demo mode replaces the core's with the sandbox's profiles).
  let loaded: VendorConfig | undefined;
  // Refused requests to the local host (a wrong link, another page, a bad body) leave a trace.
  const refusals = createFileRefusalLog({ file: refusalLogOf(context) });
  const core = await openCore(context, true, async (config) => (loaded = config), refusals);
  let host: Awaited<ReturnType<typeof startBrowserHost>>;
  try {
    host = await startBrowserHost({
      rendererDir: context.rendererDir,
      dispatch: core.dispatch,
      subscribe: core.onEvent,
      port: context.args.port,
      log: refusals,
      openLink: core.links.receive,
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  const preview = configPreview(context.args.config, loaded ?? core.config, core.config.profiles);
  context.announce({
    value: { url: host.url, preview: preview.value },
    text: [
      ...preview.lines,
      `Open this link in your browser (it works once):\n  ${host.url}\nPress Ctrl+C to stop.`,
    ].join('\n'),
  });
  await context.untilStopped();
  await host.close();
  await refusals.flush();
  const outcome = await core.close();
  const kept = [...(outcome?.failed ?? []), ...(outcome?.timedOut ?? [])];
  return {
    value: { stopped: true, released: outcome?.released ?? [], notReleased: kept },
    text:
      kept.length === 0
        ? 'Stopped; every held seat was given back.'
        : `Stopped. Seats not given back (they lapse on the server): ${kept.join(', ')}.`,
  };
}
