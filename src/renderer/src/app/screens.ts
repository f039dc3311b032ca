import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { LicenceView, ProfileView } from '../../../shared/model';
import { hasDeviceLicence } from '../lib/licence-text';
import type { ScreenId } from '../store/app-store';

/**
 * The screens the shell can show. Each is its own chunk, loaded on first visit (or when the
 * pointer reaches its nav item), so the first screen pays only for itself. A new screen is one
 * entry here plus its id in ScreenId.
 */
export interface ScreenDefinition {
  readonly id: ScreenId;
  readonly label: string;
  readonly Component: LazyExoticComponent<ComponentType>;
  /** Starts fetching the chunk early; harmless to call more than once. */
  readonly preload: () => void;
  readonly isAvailable: (profile: ProfileView, licence: LicenceView | undefined) => boolean;
}

function screen(
  id: ScreenId,
  label: string,
  load: () => Promise<{ default: ComponentType }>,
  isAvailable: ScreenDefinition['isAvailable'],
): ScreenDefinition {
  return { id, label, Component: lazy(load), preload: () => void load(), isAvailable };
}

export const SCREENS: readonly ScreenDefinition[] = [
  screen(
    'activation',
    'Activation',
    () => import('../screens/activation/activation-screen'),
    (profile) => hasDeviceLicence(profile.kind),
  ),
  screen(
    'licence',
    'Licence',
    () => import('../screens/licensespring/licence-screen'),
    (profile, licence) =>
      profile.kind === 'licensespring' && licence !== undefined && licence.status !== 'inactive',
  ),
  screen(
    'features',
    'Features',
    () => import('../screens/licensespring/features-screen'),
    (profile, licence) =>
      profile.kind === 'licensespring' && licence !== undefined && licence.status !== 'inactive',
  ),
  screen(
    'seats',
    'Seats',
    () => import('../screens/seats/seat-screen'),
    // Floating seats come from the seat server, or from any licence that turns out to float.
    (profile, licence) => profile.kind === 'seats' || licence?.mode === 'floating',
  ),
  screen(
    'eniris',
    'Eniris',
    () => import('../screens/eniris/eniris-screen'),
    (profile) => profile.kind === 'eniris',
  ),
  screen(
    'hubs',
    'Hubs',
    () => import('../screens/hubs/hubs-screen'),
    (profile) => profile.kind === 'mobiusflow',
  ),
  screen(
    'licence-file',
    'Licence file',
    () => import('../screens/offline/licence-file-screen'),
    (profile) => profile.kind === 'licence-file',
  ),
  // Versions, secrets, fingerprint, log, connection tests and the support bundle: every profile.
  screen(
    'diagnostics',
    'Diagnostics',
    () => import('../screens/diagnostics/diagnostics-screen'),
    () => true,
  ),
];
