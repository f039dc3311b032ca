import { useRef, useState, type FormEvent } from 'react';
import type { HubView } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { tHubs } from '../../i18n/hubs.en';
import {
  checkHubForm,
  EMPTY_HUB_FORM,
  firstProblemField,
  formFromHub,
  type HubField,
  type HubFormValues,
} from '../../lib/hubs/hub-form';
import { useHubFlows } from '../../store/hubs/hubs-selectors';
import { useHubsStore } from '../../store/hubs/hubs-store';
import { fieldId, LanField, SchemeField, TextField } from './hub-form-fields';
import { ModalDialog } from './modal-dialog';

type Problems = Partial<Record<HubField, string>>;
/** The fields typed as text (the protocol is a choice, the LAN a tick). */
type TextKey = Exclude<HubField, 'scheme' | 'lan'>;

interface HubFormDialogProps {
  /** The hub to edit; absent to add a new one. */
  readonly hub?: HubView;
  readonly onClose: () => void;
}

/**
 * Add or edit a hub. Checked with the contract's own schema before anything is sent, each message
 * under its field. The password lives in this component only while typed and goes to the core
 * with the one save; on edit an empty password keeps the stored one.
 */
export function HubFormDialog({ hub, onClose }: HubFormDialogProps) {
  const mode = hub ? 'edit' : 'add';
  const addHub = useHubsStore((s) => s.addHub);
  const updateHub = useHubsStore((s) => s.updateHub);
  const dismiss = useHubsStore((s) => s.dismiss);
  const dismissFleet = useHubsStore((s) => s.dismissFleet);
  const addFlow = useHubsStore((s) => s.fleetFlows.add);
  const editFlow = useHubFlows(hub?.id ?? '').save;
  const flow = hub ? editFlow : addFlow;
  const [values, setValues] = useState<HubFormValues>(hub ? formFromHub(hub) : EMPTY_HUB_FORM);
  const [problems, setProblems] = useState<Problems>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const busy = flow.status === 'submitting';

  const change =
    <F extends keyof HubFormValues>(field: F) =>
    (value: HubFormValues[F]): void => {
      setValues((current) => ({ ...current, [field]: value }));
      setProblems(({ [field]: _fixed, ...rest }) => rest);
    };

  /** What a text field needs from the form: its value, its change handler and its problem. */
  const bind = (field: TextKey) => ({
    field,
    value: values[field],
    onValue: change(field),
    problem: problems[field],
  });

  const cancel = (): void => {
    if (hub) dismiss(hub.id, 'save');
    else dismissFleet('add');
    onClose();
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const check = checkHubForm(values, mode);
    if (!check.ok) {
      setProblems(check.problems);
      const first = firstProblemField(check.problems);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setProblems({});
    const saved = hub ? await updateHub(hub.id, check.draft) : await addHub(check.draft);
    if (saved) onClose();
  };

  const t = tHubs().panel.form;
  const title = hub ? t.editTitle(hub.name) : t.addTitle;
  return (
    <ModalDialog titleId="hub-form-title" title={title} onCancel={cancel} initialFocus={nameRef}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="modal__body hub-form">
          <TextField ref={nameRef} {...bind('name')} label={t.name} maxLength={80} />
          <TextField {...bind('site')} label={t.site} maxLength={80} hint={t.siteHint} />
          <div className="hub-form__address">
            <SchemeField
              value={values.scheme}
              onValue={change('scheme')}
              problem={problems.scheme}
            />
            <TextField {...bind('host')} label={t.host} mono placeholder="hub-7.site.lan" />
            <TextField {...bind('port')} label={t.port} inputMode="numeric" mono />
          </div>
          <TextField {...bind('basePath')} label={t.basePath} mono hint={t.basePathHint} />
          <TextField {...bind('hid')} label={t.hid} mono maxLength={12} placeholder="00A1F3" />
          <LanField checked={values.lan} onValue={change('lan')} />
          <TextField {...bind('username')} label={t.username} autoComplete="off" />
          <TextField
            {...bind('password')}
            label={t.password}
            type="password"
            autoComplete="new-password"
            hint={hub ? t.passwordKeep : t.passwordNew}
          />
          {flow.status === 'failed' && (
            <div className="hub-form__wide">
              <ErrorMessage error={flow.error} title={hub ? t.saveFailed : t.addFailed} />
            </div>
          )}
        </div>
        <footer className="modal__footer">
          <Button onClick={cancel}>{t.cancel}</Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel={t.saving}>
            {hub ? t.save : t.add}
          </Button>
        </footer>
      </form>
    </ModalDialog>
  );
}
