import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { LicenceView, ProfileView } from '../../../shared/model';
import { tCommon } from '../i18n/common.en';
import { hasDeviceLicence } from '../lib/device-licence';
import type { ScreenId } from '../store/app-store';

/**
 * The screens the shell can show. Each is its own chunk, loaded on first visit (or when the
 * pointer reaches its nav item), so the first screen pays only for itself. A new screen is one
 * entry here plus its id in ScreenId.
 */
export interface ScreenDefinition {
  readonly id: ScreenId;
  /** The nav label, in the active language (read when shown). */
  readonly label: string;
  readonly Component: LazyExoticComponent<ComponentType>;
  /** Starts fetching the chunk early; harmless to call more than once. */
  readonly preload: () => void;
  readonly isAvailable: (profile: ProfileView, licence: LicenceView | undefined) => boolean;
}

function screen(
  id: ScreenId,
  load: () => Promise<{ default: ComponentType }>,
  isAvailable: ScreenDefinition['isAvailable'],
): ScreenDefinition {
  return {
    id,
    // A getter: the list is built when the module loads, before the language is applied.
    get label() {
      return tCommon().screens[id];
    },
    Component: lazy(load),
    preload: () => void load(),
    isAvailable,
  };
}

export const SCREENS: readonly ScreenDefinition[] = [
  screen(
    'activation',
    () => import('../screens/activation/activation-screen'),
    (profile) => hasDeviceLicence(profile.kind),
  ),
  screen(
    'licence',
    () => import('../screens/licensespring/licence-screen'),
    (profile, licence) =>
      profile.kind === 'licensespring' && licence !== undefined && licence.status !== 'inactive',
  ),
  screen(
    'features',
    () => import('../screens/licensespring/features-screen'),
    (profile, licence) =>
      profile.kind === 'licensespring' && licence !== undefined && licence.status !== 'inactive',
  ),
  screen(
    'seats',
    () => import('../screens/seats/seat-screen'),
    // Floating seats come from the seat server, or from any licence that turns out to float.
    (profile, licence) => profile.kind === 'seats' || licence?.mode === 'floating',
  ),
  screen(
    'eniris',
    () => import('../screens/eniris/eniris-screen'),
    (profile) => profile.kind === 'eniris',
  ),
  screen(
    'hubs',
    () => import('../screens/hubs/hubs-screen'),
    (profile) => profile.kind === 'mobiusflow',
  ),
  screen(
    'licence-file',
    () => import('../screens/offline/licence-file-screen'),
    (profile) => profile.kind === 'licence-file',
  ),
  // Versions, secrets, fingerprint, log, connection tests and the support bundle: every profile.
  screen(
    'diagnostics',
    () => import('../screens/diagnostics/diagnostics-screen'),
    () => true,
  ),
];
