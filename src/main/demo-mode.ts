import { startSandboxes, type SandboxHub, type SandboxSet } from '../sandbox';
import type { VendorConfig } from './config/vendor-config';
import type { AppInfo } from '../shared/model';
import { guardFormula, serialiseCsv } from './hubs/csv';
import { INVENTORY_COLUMNS } from './hubs/hub-csv';

/**
 * Demo mode: with no vendor configuration the app runs the sandbox servers itself, so a fresh
 * `npm start` activates something real in one click. This file is the only place on the client
 * side that knows the sandbox exists.
 */
export interface DemoEnvironment {
  readonly config: VendorConfig;
  readonly demoKeys: AppInfo['demoKeys'];
  /** The sandbox's hubs as an inventory CSV, imported when the inventory is empty. */
  readonly hubsCsv: string;
  close(): Promise<void>;
}

export function demoConfigFor(
  set: SandboxSet,
  base: Pick<VendorConfig, 'productName' | 'productId'>,
): VendorConfig {
  return {
    productName: base.productName,
    productId: base.productId,
    demo: true,
    allowWeakSecretStore: false,
    profiles: [
      {
        id: 'seats',
        kind: 'seats',
        label: 'Floating seats (Babel Licensing Service)',
        description:
          'Sandbox server on this computer: a 5-seat floating licence and a 3-machine activation licence.',
        translations: {
          de: {
            label: 'Floating-Lizenzplätze (Babel Licensing Service)',
            description:
              'Sandbox-Server auf diesem Computer: eine Floating-Lizenz mit 5 Plätzen und eine Aktivierungslizenz für 3 Computer.',
          },
        },
        baseUrl: set.servers.seats.url,
        apiKey: set.servers.seats.apiKey,
      },
      {
        id: 'flecs',
        kind: 'flecs',
        label: 'Device licence (FLECS)',
        description: `Sandbox FLECS console on this computer: sign in as ${set.demo.flecs.username} / ${set.demo.flecs.password}, or use the key below.`,
        translations: {
          de: {
            label: 'Gerätelizenz (FLECS)',
            description: `Sandbox-FLECS-Konsole auf diesem Computer: Melden Sie sich als ${set.demo.flecs.username} / ${set.demo.flecs.password} an, oder verwenden Sie den Schlüssel unten.`,
          },
        },
        baseUrl: set.servers.flecs.url,
        serialNumber: set.demo.flecs.serialNumber,
      },
      {
        id: 'eniris',
        kind: 'eniris',
        label: 'Eniris licences (Sofar)',
        description: `Sandbox Eniris service on this computer: sign in as ${set.demo.eniris.username} / ${set.demo.eniris.password}; controller ${set.demo.eniris.nodeId}, customer ${set.demo.eniris.customerId}.`,
        translations: {
          de: {
            label: 'Eniris-Lizenzen (Sofar)',
            description: `Sandbox-Eniris-Dienst auf diesem Computer: Melden Sie sich als ${set.demo.eniris.username} / ${set.demo.eniris.password} an; Controller ${set.demo.eniris.nodeId}, Kunde ${set.demo.eniris.customerId}.`,
          },
        },
        authUrl: set.servers.eniris.authUrl,
        apiUrl: set.servers.eniris.apiUrl,
      },
      {
        id: 'licensespring',
        kind: 'licensespring',
        label: 'LicenseSpring',
        description:
          'Sandbox LicenseSpring License API on this computer: node-locked, floating, consumption and trial licences with features.',
        translations: {
          de: {
            description:
              'Sandbox der LicenseSpring License API auf diesem Computer: gerätegebundene, Floating-, Verbrauchs- und Testlizenzen mit Funktionen.',
          },
        },
        baseUrl: set.servers.licensespring.url,
        productCode: set.servers.licensespring.productCode,
        auth: {
          kind: 'hmac',
          apiKey: set.servers.licensespring.apiKey,
          sharedKey: set.servers.licensespring.sharedKey,
        },
        publicKey: set.servers.licensespring.publicKeyPem,
        authorizationMethod: 'license-key',
        allowConsumption: true,
      },
      {
        id: 'mobiusflow',
        kind: 'mobiusflow',
        label: 'MobiusFlow hubs',
        description: `Sandbox MobiusFlow engine on this computer emulating ${set.servers.mobiusflow.hubs.length} hubs.`,
        translations: {
          de: {
            label: 'MobiusFlow-Hubs',
            description: `Sandbox-MobiusFlow-Engine auf diesem Computer, die ${set.servers.mobiusflow.hubs.length} Hubs nachbildet.`,
          },
        },
        concurrency: 8,
      },
      {
        id: 'licence-file',
        kind: 'licence-file',
        label: 'Licence file (vendor-signed)',
        description:
          'A product licensed by a file its vendor signs, without any licensing server. The sandbox prints the vendor key to sign one with `license-manager vendor sign`.',
        translations: {
          de: {
            label: 'Lizenzdatei (vom Anbieter signiert)',
            description:
              'Ein Produkt, lizenziert durch eine vom Anbieter signierte Datei, ganz ohne Lizenzserver. Die Sandbox gibt den Anbieterschlüssel aus, mit dem `license-manager vendor sign` eine signiert.',
          },
        },
        // The product's own id, which `vendor sign` signs in when given no --product.
        productCode: base.productId,
        publicKey: set.demo.licenceFile.publicKeyPem,
        expiryWarningDays: 14,
      },
    ],
  };
}

export function demoKeysFor(set: SandboxSet): DemoEnvironment['demoKeys'] {
  const demoKey = (profileId: string, key: string, label: string, german: string) => ({
    profileId,
    label,
    translations: { de: { label: german } },
    key,
  });
  const { seats, flecs, eniris, licensespring } = set.demo;
  return [
    demoKey('seats', seats.floatingKey, 'Floating licence, 5 seats', 'Floating-Lizenz, 5 Plätze'),
    demoKey(
      'seats',
      seats.activationKey,
      'Machine activation, 3 computers',
      'Aktivierung pro Computer, 3 Computer',
    ),
    demoKey('flecs', flecs.licenseKey, 'FLECS device licence key', 'FLECS-Gerätelizenzschlüssel'),
    demoKey(
      'eniris',
      eniris.freeKey,
      'Eniris licence, not yet activated',
      'Eniris-Lizenz, noch nicht aktiviert',
    ),
    demoKey(
      'licensespring',
      licensespring.nodeLockedKey,
      'LicenseSpring node-locked, 3 devices, with features',
      'LicenseSpring gerätegebunden, 3 Geräte, mit Funktionen',
    ),
    demoKey(
      'licensespring',
      licensespring.floatingKey,
      'LicenseSpring floating, 2 slots',
      'LicenseSpring Floating, 2 Plätze',
    ),
    demoKey(
      'licensespring',
      licensespring.consumptionKey,
      'LicenseSpring consumption, 100 units',
      'LicenseSpring Verbrauch, 100 Einheiten',
    ),
  ];
}

/**
 * The sandbox's hubs as an inventory file the Hubs screen and `hub import` read. The engine is on
 * loopback, so the hubs are marked as on the LAN (plain http is allowed only there).
 */
export function hubInventoryCsv(hubs: readonly SandboxHub[]): string {
  const rows = hubs.map((hub) => {
    const url = new URL(hub.baseUrl);
    return [
      hub.name,
      hub.site,
      url.protocol.replace(':', ''),
      url.hostname,
      url.port,
      url.pathname === '/' ? '' : url.pathname,
      hub.hid,
      'true',
      hub.username,
      hub.password,
    ].map(guardFormula);
  });
  return serialiseCsv([[...INVENTORY_COLUMNS], ...rows]);
}

export async function startDemo(base: VendorConfig): Promise<DemoEnvironment> {
  const set = await startSandboxes({ host: '127.0.0.1', port: 0 });
  return {
    config: demoConfigFor(set, base),
    demoKeys: demoKeysFor(set),
    hubsCsv: hubInventoryCsv(set.servers.mobiusflow.hubs),
    close: () => set.close(),
  };
}
