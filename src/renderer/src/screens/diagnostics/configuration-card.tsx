import type { DiagnosticsReport } from '../../../../shared/diagnostics-model';
import { Card } from '../../components/card';
import { tDiagnostics } from '../../i18n/diagnostics.en';

/** The configuration in force, each credential masked as the app masks keys. */
export function ConfigurationCard({
  configuration,
}: {
  readonly configuration: DiagnosticsReport['configuration'];
}) {
  const t = tDiagnostics().configuration;
  const yesNo = (value: boolean): string => (value ? t.yes : t.no);
  return (
    <Card title={t.title} labelledBy="diagnostics-configuration" description={t.description}>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t.product}</dt>
          <dd>{configuration.productName}</dd>
        </div>
        <div className="facts__item">
          <dt>{t.productId}</dt>
          <dd>
            <code>{configuration.productId}</code>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t.demoMode}</dt>
          <dd>{yesNo(configuration.demoMode)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t.weakSecretStore}</dt>
          <dd>{yesNo(configuration.allowWeakSecretStore)}</dd>
        </div>
      </dl>
      <div className="table-wrap diagnostics__config-table">
        <table className="table">
          <caption className="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.profile}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.settings}</th>
            </tr>
          </thead>
          <tbody>
            {configuration.profiles.map((profile) => (
              <tr key={profile.id}>
                <th scope="row">
                  {profile.label}
                  <br />
                  <code className="text-muted">{profile.id}</code>
                </th>
                <td>{profile.kind}</td>
                <td>
                  <dl className="diagnostics__settings">
                    {profile.settings.map((setting) => (
                      <div key={setting.name}>
                        <dt>{setting.name}</dt>
                        <dd>
                          <code>{setting.value}</code>
                        </dd>
                      </div>
                    ))}
                  </dl>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
