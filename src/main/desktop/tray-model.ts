import type { Locale } from '../../shared/locale';
import type { LicenceView, ProfileView } from '../../shared/model';
import type { DesktopWords } from './desktop-text';

/**
 * What the tray icon says, worked out from the licence views without Electron: the tooltip and
 * the menu (status lines that cannot be clicked, then Open and Quit). The shell only draws it.
 */

export type TrayItem =
  | { readonly kind: 'status'; readonly label: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'open' | 'quit'; readonly label: string };

export interface TrayModel {
  readonly tooltip: string;
  readonly items: readonly TrayItem[];
}

export interface TrayLicence {
  readonly profileId: string;
  readonly view: LicenceView;
}

/** Windows cuts tray tooltips at 127 characters; shorten them ourselves, visibly. */
export const MAX_TOOLTIP = 127;

/** Profiles with a licence of this computer (the ones the tray and notifications follow). */
export const followedProfiles = (profiles: readonly ProfileView[]): readonly ProfileView[] =>
  profiles.filter((profile) => profile.activationMethods.length > 0);

/**
 * How a licence is named to the person: with one licence the product name says it all
 * ("Acme CAD — licensed until…"); with several, each profile's label tells them apart.
 */
export function licenceNames(
  productName: string,
  profiles: readonly ProfileView[],
  locale: Locale = 'en',
): (profileId: string) => string {
  const followed = followedProfiles(profiles);
  const nameOf = (profile: ProfileView): string =>
    (locale === 'en' ? undefined : profile.translations?.[locale]?.label) ?? profile.label;
  return (profileId) => {
    if (followed.length === 1) return productName;
    const profile = profiles.find((candidate) => candidate.id === profileId);
    return profile ? nameOf(profile) : profileId;
  };
}

function seatLine(view: LicenceView, words: DesktopWords): string | undefined {
  const { seat } = view;
  switch (seat.state) {
    case 'held':
      return words.seatHeld(view.activeClients, view.maxClients);
    case 'retrying':
      return words.seatReconnecting;
    case 'lost':
      return seat.nextHeartbeatAt === undefined ? words.seatLost : words.seatLostRetrying;
    case 'none':
      // A floating licence without a seat is worth saying; other licences have no seats.
      return view.mode === 'floating' && view.status === 'active' ? words.noSeat : undefined;
  }
}

const clip = (text: string): string =>
  text.length <= MAX_TOOLTIP ? text : `${text.slice(0, MAX_TOOLTIP - 1)}…`;

export function trayModel(input: {
  readonly productName: string;
  readonly licences: readonly TrayLicence[];
  readonly nameOf: (profileId: string) => string;
  readonly words: DesktopWords;
}): TrayModel {
  const { words } = input;
  const lines = input.licences.flatMap(({ profileId, view }) => {
    const seat = seatLine(view, words);
    const licence = words.licence(input.nameOf(profileId), view);
    return seat === undefined ? [licence] : [licence, seat];
  });
  // One licence already starts with the product name; several need it said once on top.
  const tooltip = input.licences.length === 1 ? lines : [input.productName, ...lines];
  return {
    tooltip: clip(tooltip.join('\n')),
    items: [
      ...lines.map((label) => ({ kind: 'status' as const, label })),
      ...(lines.length > 0 ? [{ kind: 'separator' as const }] : []),
      { kind: 'open', label: words.open },
      { kind: 'quit', label: words.quit },
    ],
  };
}
