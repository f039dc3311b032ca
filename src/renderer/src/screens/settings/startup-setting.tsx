import { useEffect, useId, useState } from 'react';
import type { StartAtLoginView } from '../../../../shared/desktop-model';
import { call } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { tDiagnostics } from '../../i18n/diagnostics.en';
import { endRefresh, LOADING, type Remote } from '../../lib/remote';
import './startup-setting.css';

/**
 * "Start at login": off until the person turns it on. Self-contained (it loads and saves its own
 * setting), so it can sit in whichever settings area the app has.
 */
export function StartupSetting() {
  const id = useId();
  const [setting, setSetting] = useState<Remote<StartAtLoginView>>(LOADING);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let shown = true;
    void call('settings:start-at-login', {}).then((result) => {
      if (shown) setSetting((current) => endRefresh(current, result));
    });
    return () => void (shown = false);
  }, []);

  const change = async (enabled: boolean): Promise<void> => {
    setSaving(true);
    const result = await call('settings:set-start-at-login', { enabled });
    setSaving(false);
    // A refusal keeps the box as it was (the stored choice did not change) and says why beside it.
    setSetting((current) => endRefresh(current, result));
  };

  if (setting.status === 'failed') return <ErrorMessage layout="block" error={setting.error} />;
  const view = setting.status === 'loaded' ? setting.value : undefined;
  const refusal = setting.status === 'loaded' ? setting.refreshError : undefined;
  const t = tDiagnostics().startAtLogin;
  // Unavailable (loading, saving, or not this host's to change) is aria-disabled, not disabled:
  // the box stays in the Tab order, so a keyboard user reaches it and hears why it is off, and
  // the focus is not dropped to <body> while a change is saved. Clicks and Space do nothing then.
  const unavailable = view === undefined || !view.supported || saving;

  return (
    <div className="startup-setting">
      <div className="startup-setting__row">
        <input
          id={`${id}-box`}
          type="checkbox"
          checked={view?.enabled ?? false}
          aria-disabled={unavailable || undefined}
          aria-busy={view === undefined || saving || undefined}
          aria-describedby={`${id}-help`}
          onClick={(event) => {
            if (unavailable) event.preventDefault();
          }}
          onChange={(event) => {
            if (!unavailable) void change(event.target.checked);
          }}
        />
        <div>
          <label htmlFor={`${id}-box`} className="field-label">
            {t.label}
          </label>
          <p className="field-help" id={`${id}-help`}>
            {view !== undefined && !view.supported ? t.unsupported : t.help}
          </p>
        </div>
      </div>
      {refusal && <ErrorMessage error={refusal} title={t.notChanged} />}
    </div>
  );
}
