import { Suspense, useEffect, useRef } from 'react';
import type { AppInfo, ProfileView } from '../../../shared/model';
import { tCommon } from '../i18n/common.en';
import { say, sayLang } from '../lib/error-text';
import { hasDeviceLicence } from '../lib/device-licence';
import { useAppStore } from '../store/app-store';
import { useLicenceStore } from '../store/licence-store';
import { BrandLogo, isScreenShown, useAccentColour } from './brand';
import { Nav } from './nav';
import { ProfilePicker } from './profile-picker';
import { SCREENS } from './screens';
import { ScreenSkeleton } from './screen-skeleton';
import { StatusBar } from './status-bar';
import { StorageWarningBanner, storageWordings } from './storage-warning-banner';
import { useLiveUpdates } from './use-live-updates';
import { useActivationLinks } from './use-activation-links';

interface ShellProps {
  readonly info: AppInfo;
  readonly profiles: readonly ProfileView[];
}

export function Shell({ info, profiles }: ShellProps) {
  useLiveUpdates();
  useActivationLinks();
  const profileId = useAppStore((state) => state.profileId);
  const screenId = useAppStore((state) => state.screen);
  const navigate = useAppStore((state) => state.navigate);
  const load = useLicenceStore((state) => state.load);
  const licence = useLicenceStore((state) =>
    profileId ? state.byProfile[profileId]?.licence : undefined,
  );
  const profile = profiles.find((candidate) => candidate.id === profileId);
  const t = tCommon().shell;
  const { warning, warningText } = info.secretStore;
  const secretsWarning = warning ? { message: warning, text: warningText } : undefined;

  useEffect(() => {
    document.title = info.productName;
  }, [info.productName]);
  useAccentColour(info.vendor.accent);

  // Only a licence of this computer has a status to load; an Eniris account loads on its screen.
  const deviceLicence = profile ? hasDeviceLicence(profile.kind) : false;
  useEffect(() => {
    if (profileId && deviceLicence) void load(profileId);
  }, [profileId, deviceLicence, load]);

  const licenceView = licence?.status === 'loaded' ? licence.value : undefined;
  const screens = profile
    ? SCREENS.filter((s) => isScreenShown(info.vendor, s.id) && s.isAvailable(profile, licenceView))
    : [];
  // A screen that no longer applies (another profile was picked) falls back to the first one.
  const active = screens.find((s) => s.id === screenId) ?? screens[0];

  // After a click in the nav, move focus to the new screen so keyboard and screen-reader users
  // land on its content; not on first load, where focus belongs to the page.
  const mainRef = useRef<HTMLElement>(null);
  const shownScreen = useRef(active?.id);
  useEffect(() => {
    if (shownScreen.current !== active?.id) mainRef.current?.focus();
    shownScreen.current = active?.id;
  }, [active?.id]);

  return (
    <div className="shell">
      <header className="app-header">
        <div className="app-header__brand">
          <BrandLogo logo={info.vendor.logo} />
          <span className="app-header__name">{info.productName}</span>
          {info.demoMode && (
            <span className="badge badge--demo" title={t.demoModeTitle}>
              {t.demoMode}
            </span>
          )}
        </div>
        {active && <Nav screens={screens} current={active.id} onNavigate={navigate} />}
        <div className="app-header__end">
          <ProfilePicker profiles={profiles} />
        </div>
      </header>

      {!info.secretStore.protected && (
        <div className="banner banner--warning" role="status">
          <strong>{t.secretsUnprotected}</strong>{' '}
          {secretsWarning ? (
            <span lang={sayLang(secretsWarning)}>{say(secretsWarning)}</span>
          ) : (
            t.secretsKeptBy(info.secretStore.backend)
          )}
        </div>
      )}

      <StorageWarningBanner
        warnings={storageWordings(info.storageWarnings, info.storageWarningTexts)}
        onDismissed={() => mainRef.current?.focus()}
      />

      <main className="main" ref={mainRef} tabIndex={-1} aria-label={active?.label}>
        {active && profile ? (
          <Suspense fallback={<ScreenSkeleton />}>
            <active.Component key={profile.id} />
          </Suspense>
        ) : (
          <div className="page">
            <div className="empty-state">
              <h1 className="empty-state__title">{t.noProfilesTitle}</h1>
              <p className="empty-state__text">{t.noProfilesText}</p>
            </div>
          </div>
        )}
      </main>

      <StatusBar info={info} />
    </div>
  );
}
