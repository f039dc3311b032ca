/**
 * The actions of the LicenseSpring Licence and Features screens, and the keys that name each
 * one's outcome slot (so a button, the store and the live region agree on which outcome is whose).
 */

/** Every action on the Licence and Features screens; each has its own outcome beside its button. */
export type LsAction =
  | { readonly kind: 'refresh' }
  | { readonly kind: 'borrow'; readonly until?: string }
  | { readonly kind: 'release' }
  | { readonly kind: 'consume'; readonly amount: number }
  | { readonly kind: 'feature-check'; readonly feature: string }
  | { readonly kind: 'feature-borrow'; readonly feature: string; readonly until?: string }
  | { readonly kind: 'feature-release'; readonly feature: string }
  | { readonly kind: 'feature-consume'; readonly feature: string; readonly amount: number };

export type LsActionKind = LsAction['kind'];

/** Names one action's outcome slot: the kind, and the feature it is about (codes have no spaces). */
export function actionKey(kind: LsActionKind, feature?: string): string {
  return feature === undefined ? kind : `${kind} ${feature}`;
}

export function keyOf(action: LsAction): string {
  return actionKey(action.kind, 'feature' in action ? action.feature : undefined);
}
