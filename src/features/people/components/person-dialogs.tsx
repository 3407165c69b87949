import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Level, levelSchema, type Role, roleSchema } from '../../../api/handoff-schemas';
import {
  MIN_PASSWORD_LENGTH,
  newPersonSchema,
  type Person,
  passwordResetSchema,
} from '../../../api/session-schemas';
import { ChoiceField } from '../../../components/choice-select';
import { FormError, TextField } from '../../../components/text-field';
import { Dialog } from '../../../components/ui/dialog';
import { levelLabels } from '../../../domain/levels';
import { type FieldErrors, requestFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import { peopleMutations } from '../api/queries';

type PersonLevel = Exclude<Level, 'ai'>;
const levels = levelSchema.options.filter((l): l is PersonLevel => l !== 'ai');
const roleLabels: Record<Role, string> = {
  reviewer: 'Reviewer',
  lead: 'Lead',
  manager: 'Manager',
  executive: 'Executive',
};

interface OpenProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const empty = { id: '', name: '', email: '', password: '' };

/** A lead adds a person: a first password for a local account, or an email for the provider. */
export function AddPersonDialog({
  open,
  onOpenChange,
  onAdded,
}: OpenProps & { onAdded: (p: Person) => void }) {
  const add = useMutation(peopleMutations.add());
  const [fields, setFields] = useState(empty);
  const [role, setRole] = useState<Role>('reviewer');
  const [level, setLevel] = useState<PersonLevel>('l1');
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (name: keyof typeof empty) => (value: string) =>
    setFields((f) => ({ ...f, [name]: value }));

  const close = (next: boolean) => {
    if (!next) {
      setFields(empty);
      setErrors({});
    }
    onOpenChange(next);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = newPersonSchema.safeParse({
      id: fields.id,
      name: fields.name,
      role,
      level,
      email: fields.email.trim() || null,
      password: fields.password || null,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    add.mutate(parsed.data, {
      onSuccess: (person) => {
        close(false);
        onAdded(person);
      },
      onError: (error) => setErrors(requestFieldErrors(error, 'Adding failed. Try again.')),
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="Add a person"
      description="Give a first password for a local account, or only an email: they then sign in with the identity provider and are linked on their first sign-in."
    >
      <form onSubmit={submit} noValidate aria-label="Add a person">
        <FormError message={errors.form} />
        <TextField label="User id" value={fields.id} error={errors.id} onValue={set('id')} />
        <TextField label="Name" value={fields.name} error={errors.name} onValue={set('name')} />
        <ChoiceField
          className="field"
          label="Role"
          choices={roleSchema.options}
          labels={roleLabels}
          value={role}
          onChoose={(r) => r && setRole(r)}
        />
        <ChoiceField
          className="field"
          label="Level"
          choices={levels}
          labels={levelLabels}
          value={level}
          onChoose={(l) => l && setLevel(l)}
        />
        <TextField
          label="Email (optional)"
          type="email"
          autoComplete="off"
          value={fields.email}
          error={errors.email}
          onValue={set('email')}
        />
        <TextField
          label={`First password (at least ${MIN_PASSWORD_LENGTH} characters)`}
          type="password"
          autoComplete="new-password"
          value={fields.password}
          error={errors.password}
          onValue={set('password')}
        />
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add person'}
        </button>
      </form>
    </Dialog>
  );
}

/** A lead sets a new password for someone who lost theirs; every session of theirs ends. */
export function ResetPasswordDialog({
  open,
  onOpenChange,
  person,
}: OpenProps & { person: Person }) {
  const reset = useMutation(peopleMutations.resetPassword());
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);

  const close = (next: boolean) => {
    if (!next) {
      setPassword('');
      setErrors({});
      setDone(false);
    }
    onOpenChange(next);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = passwordResetSchema.safeParse({ password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    reset.mutate(
      { id: person.id, password },
      {
        onSuccess: () => {
          setPassword('');
          setDone(true);
        },
        onError: (error) => setErrors(requestFieldErrors(error, 'Setting failed. Try again.')),
      },
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={`Set a new password for ${person.name}`}
      description="Their sessions end on every device; tell them the new password another way than email."
    >
      {done ? (
        <p role="status">The new password is set and {person.name} is signed out everywhere.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError message={errors.form} />
          <TextField
            label={`New password (at least ${MIN_PASSWORD_LENGTH} characters)`}
            type="password"
            autoComplete="new-password"
            value={password}
            error={errors.password}
            onValue={setPassword}
          />
          <button type="submit" className="button button-primary" disabled={reset.isPending}>
            {reset.isPending ? 'Setting…' : 'Set password'}
          </button>
        </form>
      )}
    </Dialog>
  );
}
