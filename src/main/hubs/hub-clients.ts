import type { Clock } from '../../shared/clock';
import { createMobiusFlowClient, type MobiusFlowClient } from '../licensing/backends/mobiusflow';
import { noPasswordSaved } from '../licensing/backends/mobiusflow-session';
import { LicensingError } from '../licensing/licensing-error';
import type { SecretStore } from '../store/secret-store';
import type { Text } from '../../shared/text';
import { hubs } from '../../shared/texts/hubs.en';
import {
  hubBaseUrl,
  hubLabel,
  hubName,
  hubSecretName,
  sessionKey,
  type HubRecord,
} from './hub-records';
import type { PinnedAgent } from './hub-tls';
import { hubTransport, type HubNetwork } from './hub-transport';

/**
 * One protocol client per hub, kept while the hub's address, account and pinned certificate stay
 * the same: it holds the hub's access token (memory only) and its own HttpClient, whose https
 * agent accepts only the pinned certificate. Changing any of those starts a fresh client.
 */

export interface HubClientsOptions {
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly httpTimeoutMs: number;
  readonly network?: HubNetwork;
}

export interface HubClients {
  clientFor(record: HubRecord): MobiusFlowClient;
  /** Drops a hub's client (and closes its connections). */
  forget(id: string): void;
  close(): void;
}

/**
 * Transport and parsing errors name a host:port, which several hubs may share (one engine, many
 * base paths): the engineer needs the hub's name in front.
 */
function namingHub(client: MobiusFlowClient, record: HubRecord): MobiusFlowClient {
  const label = hubLabel(record);
  // An error without a text stays English as a whole, rather than German around English.
  const named = (error: LicensingError): Text | string =>
    error.text
      ? hubs.hubSaid({ hub: hubName(record), message: error.text })
      : `Hub ${label}: ${error.message}`;
  const withName = (error: unknown): unknown =>
    error instanceof LicensingError && !error.message.includes(label)
      ? new LicensingError(error.code, named(error), {
          cause: error.cause,
          retryAfterSeconds: error.retryAfterSeconds,
        })
      : error;
  return {
    getLicence: (hid, options) =>
      client.getLicence(hid, options).catch((error: unknown) => Promise.reject(withName(error))),
    setLicence: (hid, code, options) =>
      client
        .setLicence(hid, code, options)
        .catch((error: unknown) => Promise.reject(withName(error))),
  };
}

interface Entry {
  readonly key: string;
  readonly client: MobiusFlowClient;
  readonly agent?: PinnedAgent;
}

export function createHubClients(options: HubClientsOptions): HubClients {
  const { secrets } = options;
  const entries = new Map<string, Entry>();

  const forget = (id: string): void => {
    entries.get(id)?.agent?.destroy();
    entries.delete(id);
  };

  return {
    clientFor(record) {
      const label = hubLabel(record);
      // The form and the import refuse this; a hand-edited inventory file must not get past it.
      if (record.scheme === 'http' && !record.lan) {
        throw new LicensingError('config', hubs.httpOffLan({ hub: hubName(record) }));
      }
      const key = [sessionKey(record), record.tlsFingerprint ?? '', label].join('\n');
      const existing = entries.get(record.id);
      if (existing?.key === key) return existing.client;
      forget(record.id);
      const { http, agent } = hubTransport(record, options.httpTimeoutMs, options.network);
      const { id, username } = record;
      const client = createMobiusFlowClient({
        baseUrl: hubBaseUrl(record),
        http,
        clock: options.clock,
        timeoutMs: options.httpTimeoutMs,
        hubLabel: label,
        credentials: async () => {
          const password = await secrets.get(hubSecretName.password(id));
          if (password === undefined) throw noPasswordSaved(label);
          return { username, password };
        },
        tokens: {
          get: () => secrets.get(hubSecretName.refreshToken(id)),
          set: (value) => secrets.set(hubSecretName.refreshToken(id), value),
          clear: () => secrets.delete(hubSecretName.refreshToken(id)),
        },
      });
      const named = namingHub(client, record);
      entries.set(id, { key, client: named, agent });
      return named;
    },
    forget,
    close() {
      for (const id of [...entries.keys()]) forget(id);
    },
  };
}
