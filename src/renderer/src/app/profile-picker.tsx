import type { ProfileView } from '../../../shared/model';
import { tCommon } from '../i18n/common.en';
import { useAppStore } from '../store/app-store';
import { labelLang, labelOf } from '../lib/vendor-words';

/** Shown only when the configuration offers more than one product or backend. */
export function ProfilePicker({ profiles }: { readonly profiles: readonly ProfileView[] }) {
  const profileId = useAppStore((state) => state.profileId);
  const selectProfile = useAppStore((state) => state.selectProfile);
  if (profiles.length < 2) return null;
  return (
    <div className="profile-picker">
      <label htmlFor="profile-picker" className="profile-picker__label">
        {tCommon().shell.profile}
      </label>
      <select
        id="profile-picker"
        className="select"
        value={profileId ?? ''}
        onChange={(event) => selectProfile(event.target.value)}
      >
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id} lang={labelLang(profile)}>
            {labelOf(profile)}
          </option>
        ))}
      </select>
    </div>
  );
}
