import type { DiagnosticsReport } from '../../../../shared/diagnostics-model';
import { Card } from '../../components/card';
import { tDiagnostics } from '../../i18n/diagnostics.en';
import { intlTag } from '../../i18n/messages';
import { dataLang } from '../../lib/error-text';

/** Enough to see what just happened; the support bundle carries them all. */
const SHOWN = 50;

/** With seconds: events a moment apart are told apart. In the interface's region. */
const time = (at: number): string => new Date(at).toLocaleString(intlTag());

/** The app's recent events, newest first: what failed, how licences and seats changed. */
export function RecentLogCard({ lines }: { readonly lines: DiagnosticsReport['recentLog'] }) {
  const newest = [...lines].reverse().slice(0, SHOWN);
  const t = tDiagnostics().log;
  return (
    <Card
      title={t.title}
      labelledBy="diagnostics-log"
      description={lines.length > SHOWN ? t.latest(SHOWN, lines.length) : t.sinceStart}
    >
      {newest.length === 0 ? (
        <p className="text-muted">{t.empty}</p>
      ) : (
        <ol className="diagnostics__log" aria-label={t.listLabel}>
          {newest.map((line, index) => (
            <li key={`${line.at}-${index}`} className={`diagnostics__log-line--${line.level}`}>
              <time dateTime={new Date(line.at).toISOString()}>{time(line.at)}</time>
              <span className="diagnostics__log-level">{t.levels[line.level]}</span>
              {/* Main's log line, in English. */}
              <span lang={dataLang()}>{line.message}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
