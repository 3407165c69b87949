import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/errors';
import type { PostHocSettings } from '../../../api/post-hoc-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { TextField } from '../../../components/text-field';
import { VersionConflict } from '../../../components/version-conflict';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { reviewMutations } from '../api/mutations';
import { reviewQueries } from '../api/queries';

const percent = (share: number) => `${Math.round(share * 100)}%`;
const factsOf = (share: number) => [['Reviewed twice', percent(share)]] as const;

interface Refused {
  /** The settings the change was made on. */
  seen: PostHocSettings;
  share: number;
  detail: string | undefined;
}

/**
 * For leads and above: how many sampled replies get a second, blind review. A change is made
 * on the version shown; if someone else changed it meanwhile, both versions are shown.
 */
export function ReviewSettings() {
  const settings = useQuery(reviewQueries.settings());
  const save = useMutation(reviewMutations.saveSettings());
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [refused, setRefused] = useState<Refused | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!settings.data) return settings.error ? <ErrorNotice error={settings.error} /> : null;
  const inForce = settings.data;
  const value = text ?? String(Math.round(inForce.doubleReviewShare * 100));
  // The settings refetch after every answer; once they hold a newer version, that is "now".
  const current = refused && inForce.version !== refused.seen.version ? inForce : null;

  const send = (share: number, on: PostHocSettings) => {
    setRefused(null);
    setSaved(null);
    save.mutate(
      { body: { doubleReviewShare: share, version: on.version }, key: newIdempotencyKey() },
      {
        onSuccess: (next) => {
          setText(null);
          setSaved(
            `Saved: ${percent(next.doubleReviewShare)} reviewed twice (version ${next.version}).`,
          );
        },
        onError: (e) => {
          const problem = e instanceof ApiError ? e.problem : null;
          if (problem?.code !== 'version_conflict') return;
          save.reset();
          setRefused({ seen: on, share, detail: problem.detail });
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
      setError('Give a share between 0 and 100.');
      return;
    }
    setError(undefined);
    send(n / 100, inForce);
  };

  return (
    <section className="review-settings" aria-labelledby="review-settings-title">
      <h2 id="review-settings-title">Double review</h2>
      <form onSubmit={submit} noValidate aria-label="Double review">
        <TextField
          label={`Share of sampled replies reviewed twice, in % (version ${inForce.version})`}
          inputMode="numeric"
          value={value}
          error={error}
          onValue={(v) => {
            setText(v);
            setSaved(null);
          }}
        />
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save share'}
        </button>
      </form>
      {saved ? (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      ) : null}
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {refused ? (
        <VersionConflict
          title="Someone changed the double-review share while you edited it."
          detail={refused.detail}
          mine={{ version: refused.seen.version, facts: factsOf(refused.share) }}
          current={
            current ? { version: current.version, facts: factsOf(current.doubleReviewShare) } : null
          }
          busy={save.isPending}
          onApplyMine={() => current && send(refused.share, current)}
          onKeepCurrent={() => {
            setRefused(null);
            setText(null);
          }}
        />
      ) : null}
    </section>
  );
}
