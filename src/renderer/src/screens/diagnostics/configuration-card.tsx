import type { DiagnosticsReport } from '../../../../shared/diagnostics-model';
import { Card } from '../../components/card';

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** The configuration in force, each credential masked as the app masks keys. */
export function ConfigurationCard({
  configuration,
}: {
  readonly configuration: DiagnosticsReport['configuration'];
}) {
  return (
    <Card
      title="Configuration"
      labelledBy="diagnostics-configuration"
      description="Credentials are shown masked, as in the rest of the app."
    >
      <dl className="facts">
        <div className="facts__item">
          <dt>Product</dt>
          <dd>{configuration.productName}</dd>
        </div>
        <div className="facts__item">
          <dt>Product id</dt>
          <dd>
            <code>{configuration.productId}</code>
          </dd>
        </div>
        <div className="facts__item">
          <dt>Demo mode</dt>
          <dd>{yesNo(configuration.demoMode)}</dd>
        </div>
        <div className="facts__item">
          <dt>Weak secret store allowed</dt>
          <dd>{yesNo(configuration.allowWeakSecretStore)}</dd>
        </div>
      </dl>
      <div className="table-wrap diagnostics__config-table">
        <table className="table">
          <caption className="visually-hidden">Profiles and their settings</caption>
          <thead>
            <tr>
              <th scope="col">Profile</th>
              <th scope="col">Kind</th>
              <th scope="col">Settings</th>
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
