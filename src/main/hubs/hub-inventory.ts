import type { ParsedHubDraft } from '../../shared/hubs-model';
import { hubs } from '../../shared/texts/hubs.en';
import { LicensingError } from '../licensing/licensing-error';
import type { LineProblem } from './csv';
import type { SecretStore } from '../store/secret-store';
import type { HubClients } from './hub-clients';
import {
  applyDraft,
  checkDraft,
  checkNotDuplicate,
  newRecord,
  passwordRequired,
  planImport,
} from './hub-edits';
import { allHubSecretNames, hubSecretName, type HubRecord } from './hub-records';
import type { HubStore } from './hub-store';

/**
 * The engineer's edits to the inventory, with the secrets that go with them. Ordering keeps the
 * document and the secret store consistent: a password is saved before the document says the
 * hub has one, and a removed hub's secrets are deleted only once the document no longer names it.
 */

export interface HubInventoryDeps {
  readonly store: HubStore;
  readonly secrets: SecretStore;
  readonly clients: HubClients;
}

export interface HubInventory {
  recordOf(id: string): HubRecord;
  add(draft: ParsedHubDraft): Promise<HubRecord>;
  update(id: string, draft: ParsedHubDraft): Promise<HubRecord>;
  remove(id: string): Promise<void>;
  /** The ids added and updated, and the lines refused. */
  importCsv(csv: string): Promise<{
    added: readonly string[];
    updated: readonly string[];
    rejected: LineProblem[];
  }>;
}

const removedMeanwhile = (): LicensingError =>
  new LicensingError('invalid_input', hubs.removedElsewhere());

export function createHubInventory({ store, secrets, clients }: HubInventoryDeps): HubInventory {
  const recordOf = (id: string): HubRecord => {
    const record = store.get(id);
    if (!record) {
      throw new LicensingError('invalid_input', hubs.noHubWithId({ id: id.slice(0, 64) }));
    }
    return record;
  };

  /** After an edit that invalidates a hub's session: a fresh client, and no refresh token. */
  async function resetSession(id: string): Promise<void> {
    clients.forget(id);
    await secrets.delete(hubSecretName.refreshToken(id));
  }

  return {
    recordOf,

    async add(input) {
      const draft = checkDraft(input);
      if (draft.password === undefined) throw passwordRequired();
      checkNotDuplicate(store.records(), draft);
      const record = newRecord(draft);
      await secrets.set(hubSecretName.password(record.id), draft.password);
      try {
        store.mutate((document) => {
          checkNotDuplicate(document.hubs, draft);
          document.hubs.push(record);
        });
      } catch (error) {
        await secrets.delete(hubSecretName.password(record.id));
        throw error;
      }
      return recordOf(record.id);
    },

    async update(id, input) {
      const draft = checkDraft(input);
      recordOf(id);
      checkNotDuplicate(store.records(), draft, id);
      if (draft.password !== undefined) {
        await secrets.set(hubSecretName.password(id), draft.password);
      }
      const effect = store.mutate((document) => {
        const record = document.hubs.find((hub) => hub.id === id);
        if (!record) throw removedMeanwhile();
        checkNotDuplicate(document.hubs, draft, id);
        return applyDraft(record, draft);
      });
      if (effect.sessionChanged) await resetSession(id);
      if (effect.otherHub) await secrets.delete(hubSecretName.licenceCode(id));
      return recordOf(id);
    },

    async remove(id) {
      recordOf(id);
      store.mutate((document) => {
        document.hubs = document.hubs.filter((hub) => hub.id !== id);
      });
      clients.forget(id);
      await Promise.all(allHubSecretNames(id).map((name) => secrets.delete(name)));
    },

    async importCsv(csv) {
      const plan = planImport(csv, store.records());
      // All at once: the secret store may batch them into one write (a bundle of hub secrets).
      await Promise.all(
        [...plan.adds, ...plan.updates].map(({ id, draft }) =>
          draft.password === undefined
            ? undefined
            : secrets.set(hubSecretName.password(id), draft.password),
        ),
      );
      // One write for the whole file, however many lines it has.
      const stale = store.mutate((document) => {
        const reset: string[] = [];
        for (const { id, draft } of plan.adds) document.hubs.push(newRecord(draft, id));
        for (const { id, draft } of plan.updates) {
          const record = document.hubs.find((hub) => hub.id === id);
          if (!record) continue;
          const effect = applyDraft(record, draft);
          if (effect.sessionChanged) reset.push(id);
        }
        return reset;
      });
      for (const id of stale) await resetSession(id);
      return {
        added: plan.adds.map((line) => line.id),
        updated: plan.updates.map((line) => line.id),
        rejected: [...plan.rejected],
      };
    },
  };
}
