import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../api/errors';
import type { Category } from '../../../api/handoff-schemas';
import { changeReasonSchema } from '../../../api/policy-change-schemas';
import type { RoutingPolicy } from '../../../api/routing-policy-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { useIntentKey } from '../../../lib/idempotency';
import { policyMutations } from '../api/mutations';
import {
  type CategoryDraft,
  draftFromPolicy,
  errorsFromPointers,
  type FormErrors,
  fieldKeys,
  type PolicyDraft,
  type RuleDraft,
  validateDraft,
} from '../lib/policy-form';
import { CategoryTable } from './category-table';
import { FieldError, invalidProps } from './field-error';
import { RulesTable } from './rules-table';
import { WhatIfPanel } from './what-if-panel';

interface PolicyEditorProps {
  /** The policy in force, as last fetched. */
  policy: RoutingPolicy;
  canEdit: boolean;
  onSaved: (version: number) => void;
}

/**
 * Edit, preview, save. The edit is made on one version of the policy (`base`); a preview
 * replays the last week under it, and saving needs a current preview and a reason.
 */
export function PolicyEditor({ policy, canEdit, onSaved }: PolicyEditorProps) {
  const [base, setBase] = useState(policy);
  const [draft, setDraft] = useState<PolicyDraft>(() => draftFromPolicy(policy));
  const [reason, setReason] = useState('');
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [previewedFor, setPreviewedFor] = useState<string | null>(null);
  const saveIntent = useIntentKey('policy-save');
  const preview = useMutation(policyMutations.whatIf());
  const save = useMutation(policyMutations.change());

  const checked = useMemo(() => validateDraft(base, draft), [base, draft]);
  const patchText = JSON.stringify(checked.patch);
  const errors = { ...checked.errors, ...serverErrors };
  const hasErrors = Object.keys(checked.errors).length > 0;
  const previewCurrent = preview.data !== undefined && previewedFor === patchText;
  // Versions only go up; right after our own save the fetched policy may still be the older one.
  const moved = policy.version > base.version;

  const reset = (to: RoutingPolicy) => {
    setBase(to);
    setDraft(draftFromPolicy(to));
    setReason('');
    setServerErrors({});
    setPreviewedFor(null);
    preview.reset();
  };

  // Someone else's change arrived while nothing was edited: follow it quietly.
  const follow = moved && !checked.changed && !save.isPending;
  useEffect(() => {
    if (follow) {
      setBase(policy);
      setDraft(draftFromPolicy(policy));
    }
  }, [follow, policy]);

  const edit = (next: PolicyDraft) => {
    setDraft(next);
    setServerErrors({});
    setNotice(null);
  };
  const setCategory = (c: Category, patch: Partial<CategoryDraft>) =>
    edit({
      ...draft,
      categories: { ...draft.categories, [c]: { ...draft.categories[c], ...patch } },
    });
  const setRule = (id: RuleDraft['id'], patch: Partial<RuleDraft>) =>
    edit({ ...draft, rules: draft.rules.map((r) => (r.id === id ? { ...r, ...patch } : r)) });

  /** `why` stays on screen with the preview, e.g. why a save became a preview first. */
  const runPreview = (why: string | null = null) => {
    if (!canEdit || !checked.changed || hasErrors) {
      setNotice(
        hasErrors
          ? 'Correct the highlighted fields first.'
          : 'Change a setting to preview its effect.',
      );
      return;
    }
    setNotice(why);
    const text = patchText;
    preview.mutate(checked.patch, { onSuccess: () => setPreviewedFor(text) });
  };

  const runSave = () => {
    if (!canEdit || save.isPending) return;
    if (!checked.changed || hasErrors) {
      runPreview();
      return;
    }
    if (!previewCurrent) {
      runPreview('Review the preview of this edit before saving it.');
      return;
    }
    const why = changeReasonSchema.safeParse(reason);
    if (!why.success) {
      setServerErrors({ reason: why.error.issues[0]?.message ?? 'Say why.' });
      document.getElementById('policy-reason')?.focus();
      return;
    }
    const body = { version: base.version, patch: checked.patch, reason: why.data };
    save.mutate(
      {
        body,
        key: saveIntent.current(JSON.stringify(body)),
      },
      {
        onSuccess: (change) => {
          saveIntent.drop();
          reset(change.after);
          onSaved(change.after.version);
        },
        onError: (error) => {
          // A refused save is an answer, not a glitch: a new attempt is a new intent.
          saveIntent.drop();
          const problem = error instanceof ApiError ? error.problem : null;
          if (problem?.code === 'validation' && problem.errors) {
            setServerErrors(
              errorsFromPointers(problem.errors, base, checked.ruleIds, fieldKeys(draft)),
            );
          }
        },
      },
    );
  };

  useShortcuts([
    {
      key: 'p',
      handler: () => runPreview(),
      enabled: canEdit,
      label: 'Preview the edit on last week’s traffic',
    },
    { key: 'mod+Enter', handler: runSave, enabled: canEdit, inFields: true, label: 'Save policy' },
  ]);

  const problemCode = save.error instanceof ApiError ? save.error.problem?.code : undefined;
  // Once the newer policy has arrived, the "moved on" notice says it all.
  const conflict = problemCode === 'version_conflict' && !moved;
  const versions = Object.fromEntries(base.rules.rules.map((r) => [r.id, r.version]));

  return (
    <form
      aria-label="Routing policy"
      onSubmit={(e) => {
        e.preventDefault();
        runSave();
      }}
    >
      {moved && checked.changed ? (
        <div className="notice notice-warning" role="alert">
          <p className="notice-title">
            The policy moved on to version {policy.version} while you edited version {base.version}.
          </p>
          <p>Saving would be refused. Load the current version to start again from it.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              save.reset();
              reset(policy);
            }}
          >
            Load version {policy.version} (discards your edit)
          </button>
        </div>
      ) : null}
      <fieldset className="policy-fieldset" disabled={!canEdit}>
        <legend className="visually-hidden">Policy settings</legend>
        <section aria-labelledby="policy-categories">
          <h2 id="policy-categories">Routing per category</h2>
          <p className="cp-muted">
            At or above the threshold the AI may proceed, as the oversight pattern allows; below it,
            a person reviews the draft first.
          </p>
          <CategoryTable categories={draft.categories} errors={errors} onChange={setCategory} />
        </section>
        <section aria-labelledby="policy-rules">
          <h2 id="policy-rules">Escalation rules</h2>
          <p className="cp-muted">
            Every flag on an item names the rule and the version that raised it. Changing a rule
            gives it a new version.
          </p>
          <RulesTable rules={draft.rules} versions={versions} errors={errors} onChange={setRule} />
        </section>
        {errors.form ? <p className="field-error">{errors.form}</p> : null}
        {canEdit ? (
          <section className="policy-save" aria-labelledby="policy-save-title">
            <h2 id="policy-save-title">Preview and save</h2>
            {notice ? (
              <p className="notice notice-info" role="status">
                {notice}
              </p>
            ) : null}
            <div className="policy-save-actions">
              <button
                type="button"
                className="button"
                onClick={() => runPreview()}
                disabled={preview.isPending}
                aria-keyshortcuts="P"
              >
                {preview.isPending ? 'Previewing…' : 'Preview'} <kbd>p</kbd>
              </button>
              <span className="cp-muted">
                {checked.changed ? 'Unsaved edit.' : 'No changes to the policy in force.'}
              </span>
            </div>
            {preview.error ? (
              <ErrorNotice error={preview.error} onRetry={() => runPreview()} />
            ) : null}
            {preview.data ? <WhatIfPanel result={preview.data} stale={!previewCurrent} /> : null}
            <div className="field">
              <label htmlFor="policy-reason">
                Reason for the change (recorded in the audit log)
              </label>
              <textarea
                id="policy-reason"
                rows={2}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  setServerErrors(({ reason: _r, ...rest }) => rest);
                }}
                {...invalidProps('reason', errors)}
              />
              <FieldError field="reason" errors={errors} />
            </div>
            {save.error && problemCode !== 'version_conflict' && problemCode !== 'validation' ? (
              <ErrorNotice error={save.error} />
            ) : null}
            {conflict ? (
              <div className="notice notice-error" role="alert">
                <p className="notice-title">Someone changed the policy while you edited it.</p>
                <p>Fetching the current version; then load it and make your edit again.</p>
              </div>
            ) : null}
            <button
              type="submit"
              className="button button-primary"
              disabled={save.isPending}
              aria-keyshortcuts="Control+Enter"
            >
              {save.isPending ? 'Saving…' : 'Save policy'} <kbd>Ctrl+Enter</kbd>
            </button>
          </section>
        ) : null}
      </fieldset>
    </form>
  );
}
