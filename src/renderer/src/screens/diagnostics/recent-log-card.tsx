import type { DiagnosticsReport } from '../../../../shared/diagnostics-model';
import { Card } from '../../components/card';

/** Enough to see what just happened; the support bundle carries them all. */
const SHOWN = 50;

const time = (at: number): string => new Date(at).toLocaleString();

/** The app's recent events, newest first: what failed, how licences and seats changed. */
export function RecentLogCard({ lines }: { readonly lines: DiagnosticsReport['recentLog'] }) {
  const newest = [...lines].reverse().slice(0, SHOWN);
  return (
    <Card
      title="Recent events"
      labelledBy="diagnostics-log"
      description={
        lines.length > SHOWN
          ? `The latest ${SHOWN} of ${lines.length}; the support bundle has them all.`
          : 'Since the app started; keys and tokens are masked.'
      }
    >
      {newest.length === 0 ? (
        <p className="text-muted">Nothing has happened yet.</p>
      ) : (
        <ol className="diagnostics__log" aria-label="Recent events, newest first">
          {newest.map((line, index) => (
            <li key={`${line.at}-${index}`} className={`diagnostics__log-line--${line.level}`}>
              <time dateTime={new Date(line.at).toISOString()}>{time(line.at)}</time>
              <span className="diagnostics__log-level">{line.level}</span>
              <span>{line.message}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
