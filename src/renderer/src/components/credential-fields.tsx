import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../../shared/errors';
import { tCommon } from '../i18n/common.en';
import { localError } from '../lib/error-text';

/**
 * An account name and password form, shared by the sign-ins that activate (account activation,
 * Eniris). The password lives in the form's state only while it is typed: it goes out for the one
 * call and is cleared as soon as the call returns, whatever the outcome. It never reaches a store.
 */

const MAX_LENGTH = 256;

interface CredentialsOptions {
  /** The ids of the two inputs: labels point at them, and a problem moves the focus there. */
  readonly usernameId: string;
  readonly passwordId: string;
  /** What to say when the account name is missing. */
  readonly nameMissing: string;
  /** The account name as sent, from what was typed (a form may drop spaces around a paste). */
  readonly accountName: (typed: string) => string;
  /** A call is on its way, or another one must finish first: submitting does nothing. */
  readonly blocked: boolean;
  /** Resolves true when the account accepted the credentials. */
  readonly send: (username: string, password: string) => Promise<boolean>;
}

export interface Credentials {
  readonly usernameId: string;
  readonly passwordId: string;
  readonly username: string;
  readonly password: string;
  readonly setUsername: (value: string) => void;
  readonly setPassword: (value: string) => void;
  /** A field left empty or too long, found before anything was sent. */
  readonly localProblem: AppError | null;
  readonly clearProblem: () => void;
  /** The account name is the empty field the local problem is about. */
  readonly nameMissing: boolean;
  readonly submit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
}

export function useCredentials({
  usernameId,
  passwordId,
  nameMissing,
  accountName,
  blocked,
  send,
}: CredentialsOptions): Credentials {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [localProblem, setLocalProblem] = useState<AppError | null>(null);
  const focus = (id: string): void => document.getElementById(id)?.focus();
  const name = accountName(username);

  const fieldProblem = (): AppError | null => {
    const t = tCommon().credentials;
    if (name.length === 0) return localError('invalid_input', nameMissing);
    if (password.length === 0) return localError('invalid_input', t.passwordMissing);
    if (username.length > MAX_LENGTH || password.length > MAX_LENGTH) {
      return localError('invalid_input', t.tooLong(MAX_LENGTH));
    }
    return null;
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (blocked) return;
    const problem = fieldProblem();
    setLocalProblem(problem);
    if (problem) {
      focus(name.length === 0 ? usernameId : passwordId);
      return;
    }
    const accepted = await send(name, password);
    setPassword('');
    // A refusal: the cursor goes where the next attempt starts, the emptied password.
    if (!accepted) focus(passwordId);
  };

  return {
    usernameId,
    passwordId,
    username,
    password,
    setUsername: (value) => {
      setLocalProblem(null);
      setUsername(value);
    },
    setPassword: (value) => {
      setLocalProblem(null);
      setPassword(value);
    },
    localProblem,
    clearProblem: () => setLocalProblem(null),
    nameMissing: localProblem !== null && name.length === 0,
    submit,
  };
}

interface CredentialFieldsProps {
  readonly credentials: Credentials;
  /** The class of each label-and-input pair, from the form's own layout. */
  readonly fieldClassName: string;
  readonly usernamePlaceholder?: string;
  readonly describedBy: string;
  /** The server refused these credentials: both fields are marked. */
  readonly refused: boolean;
  readonly busy: boolean;
}

/** The account name and password fields, side by side in the form's own row. */
export function CredentialFields({
  credentials,
  fieldClassName,
  usernamePlaceholder,
  describedBy,
  refused,
  busy,
}: CredentialFieldsProps) {
  const { usernameId, passwordId, username, password, localProblem } = credentials;
  const t = tCommon().credentials;
  return (
    <>
      <div className={fieldClassName}>
        <label className="field-label" htmlFor={usernameId}>
          {t.accountName}
        </label>
        <input
          id={usernameId}
          className="input"
          value={username}
          onChange={(event) => credentials.setUsername(event.target.value)}
          autoComplete="username"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={MAX_LENGTH}
          placeholder={usernamePlaceholder}
          aria-describedby={describedBy}
          aria-invalid={refused || credentials.nameMissing || undefined}
          readOnly={busy}
        />
      </div>
      <div className={fieldClassName}>
        <label className="field-label" htmlFor={passwordId}>
          {t.password}
        </label>
        <input
          id={passwordId}
          className="input"
          type="password"
          value={password}
          onChange={(event) => credentials.setPassword(event.target.value)}
          autoComplete="current-password"
          maxLength={MAX_LENGTH}
          aria-describedby={describedBy}
          aria-invalid={refused || (localProblem !== null && password.length === 0) || undefined}
          readOnly={busy}
        />
      </div>
    </>
  );
}

/** The padlock note above a password form: what happens to the password. */
export function PasswordNote({
  id,
  children,
}: {
  readonly id: string;
  readonly children: ReactNode;
}) {
  return (
    <p className="note" id={id}>
      <svg className="note__icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M10 1.5a4 4 0 0 0-4 4V8H5a1.5 1.5 0 0 0-1.5 1.5v7A1.5 1.5 0 0 0 5 18h10a1.5 1.5 0 0 0 1.5-1.5v-7A1.5 1.5 0 0 0 15 8h-1V5.5a4 4 0 0 0-4-4Zm-2.2 4a2.2 2.2 0 1 1 4.4 0V8H7.8V5.5Z" />
      </svg>
      <span>{children}</span>
    </p>
  );
}
