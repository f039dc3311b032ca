import type { AppInfo } from '../../../shared/model';
import { tCommon } from '../i18n/common.en';
import { say, sayLang } from '../lib/error-text';
import { StatusBarSupport } from './brand';

/** The footer: facts support asks for (fingerprint, secret storage, version), always in view. */
export function StatusBar({ info }: { readonly info: AppInfo }) {
  const { fingerprint, secretStore } = info;
  const weakFingerprint = fingerprint.source === 'hostname';
  const warning = fingerprint.warning
    ? { message: fingerprint.warning, text: fingerprint.warningText }
    : undefined;
  const t = tCommon().statusBar;
  return (
    <footer className="status-bar">
      <span className="status-bar__item" title={t.deviceTitle}>
        <span className="status-bar__label">{t.device}</span>
        <code className="status-bar__code">{fingerprint.label}</code>
      </span>
      {weakFingerprint && (
        <span
          className="status-bar__item status-bar__item--warning"
          title={warning ? say(warning) : t.hostNameTitle}
          // Main's warning in the interface language where it sent a text, else English.
          lang={warning ? sayLang(warning) : undefined}
        >
          <WarningIcon />
          {warning ? say(warning) : t.hostNameWarning}
        </span>
      )}
      <span
        className={`status-bar__item ${secretStore.protected ? '' : 'status-bar__item--warning'}`}
      >
        {secretStore.protected ? <LockIcon /> : <WarningIcon />}
        <span className="status-bar__label">{t.secrets}</span>
        {secretStore.protected ? secretStore.backend : t.unprotected(secretStore.backend)}
      </span>
      <span className="status-bar__spacer" />
      <StatusBarSupport support={info.vendor.support} />
      <span className="status-bar__item status-bar__version">{t.version(info.version)}</span>
    </footer>
  );
}

function WarningIcon() {
  return (
    <svg className="status-bar__icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M8 1 0.5 14.5h15L8 1Zm-.75 5h1.5v4h-1.5V6Zm0 5.25h1.5v1.5h-1.5v-1.5Z" />
    </svg>
  );
}

function LockIcon() {
  return (
    <svg className="status-bar__icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H3.5A1.5 1.5 0 0 0 2 8.5v5A1.5 1.5 0 0 0 3.5 15h9a1.5 1.5 0 0 0 1.5-1.5v-5A1.5 1.5 0 0 0 12.5 7H11.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 3.5a2 2 0 1 1 4 0V7H6V4.5Z" />
    </svg>
  );
}
