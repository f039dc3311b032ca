import type { LicenceQuery, QueryKind } from '../lib/eniris-text';

/**
 * The Licences card's query draft, and remembering the last one shown per profile (ids, not
 * secrets) so the table comes back when the screen is opened again.
 */

/** The ids typed in the Licences card, both kept so switching between them loses neither. */
export interface QueryDraft {
  readonly by: QueryKind;
  readonly nodeId: string;
  readonly customerId: string;
}

export const EMPTY_DRAFT: QueryDraft = { by: 'controller', nodeId: '', customerId: '' };

const QUERY_KEY = (profileId: string): string => `license-manager.eniris.query.${profileId}`;

/** The draft last remembered for this profile, or undefined when none (or none readable) is. */
export function rememberedDraft(profileId: string): QueryDraft | undefined {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(QUERY_KEY(profileId)) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { by, nodeId, customerId } = parsed as Record<string, unknown>;
    if (by !== 'controller' && by !== 'customer') return undefined;
    return {
      by,
      nodeId: typeof nodeId === 'string' ? nodeId : '',
      customerId: typeof customerId === 'string' ? customerId : '',
    };
  } catch {
    return undefined;
  }
}

export function rememberDraft(profileId: string, draft: QueryDraft): void {
  try {
    localStorage.setItem(QUERY_KEY(profileId), JSON.stringify(draft));
  } catch {
    // Storage may be disabled; the query then lasts for this session only.
  }
}

/** The query a draft asks for, or undefined while its id is empty. */
export function draftQuery(draft: QueryDraft): LicenceQuery | undefined {
  const nodeId = draft.nodeId.trim();
  const customerId = draft.customerId.trim();
  if (draft.by === 'controller') return nodeId ? { by: 'controller', nodeId } : undefined;
  return customerId ? { by: 'customer', customerId } : undefined;
}
