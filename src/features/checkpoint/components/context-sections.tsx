import { memo, type ReactNode, type Ref } from 'react';
import type { Flag, Handoff, RuleFlag, Severity, StepType } from '../../../api/handoff-schemas';
import { ConfidenceBadge } from '../../../components/badges';
import { type ConfidenceBand, confidenceBand } from '../../../domain/confidence';
import { flagRuleInfo } from '../../../domain/flags';
import { levelLabels } from '../../../domain/levels';
import { formatDateTime, formatDuration } from '../../../lib/time';

export function SectionHeading({
  id,
  number,
  children,
  ref,
}: {
  id: string;
  number: number;
  children: ReactNode;
  /** Given, the heading can take focus from script (not from Tab): a place to hand focus to. */
  ref?: Ref<HTMLHeadingElement>;
}) {
  return (
    <h2 id={id} ref={ref} tabIndex={ref ? -1 : undefined}>
      <span className="cp-step-no" aria-hidden="true">
        {number}
      </span>
      {children}
    </h2>
  );
}

/** One numbered section of the checkpoint, named by its heading. */
export function CheckpointSection({
  id,
  number,
  title,
  className,
  children,
}: {
  id: string;
  number: number;
  title: ReactNode;
  /** Added to `cp-section`. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `cp-section ${className}` : 'cp-section'} aria-labelledby={id}>
      <SectionHeading id={id} number={number}>
        {title}
      </SectionHeading>
      {children}
    </section>
  );
}

const stepLabels: Record<StepType, string> = {
  classify: 'Classify',
  retrieve: 'Retrieve',
  tool_call: 'Tool call',
  draft: 'Draft',
  check: 'Check',
};

const outcomeLabels = { ok: '✓ OK', warning: '! Warning', failed: '✕ Failed' } as const;

export const StepsSection = memo(function StepsSection({ handoff }: { handoff: Handoff }) {
  const { steps, diagnosis } = handoff.context;
  return (
    <CheckpointSection id="cp-steps" number={2} title="What the AI did">
      {diagnosis ? (
        <div className="notice notice-error" role="note">
          <p className="notice-title">The AI could not finish</p>
          <p>{diagnosis}</p>
        </div>
      ) : null}
      {steps.length === 0 ? (
        <p className="cp-muted">The AI recorded no steps.</p>
      ) : (
        <ol className="cp-timeline">
          {steps.map((step) => (
            <li key={step.id} className={`cp-timeline-item cp-outcome-${step.outcome}`}>
              <div className="cp-timeline-head">
                <span className="cp-step-type">{stepLabels[step.type]}</span>
                <span className={`cp-outcome cp-outcome-label-${step.outcome}`}>
                  {outcomeLabels[step.outcome]}
                </span>
                <span className="cp-duration">
                  <span className="visually-hidden">took </span>
                  {formatDuration(Date.parse(step.finishedAt) - Date.parse(step.startedAt))}
                </span>
              </div>
              <p className="cp-step-summary">{step.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </CheckpointSection>
  );
});

const bandMeaning: Record<ConfidenceBand, string> = {
  high: 'The AI is fairly sure of this draft; still check the flags before sending.',
  medium: 'Above the 70% review line but not certain: read the draft closely.',
  low: 'Below the 70% line: verify every fact before anything is sent.',
};

export function ConfidenceSection({ confidence }: { confidence: number }) {
  const band = confidenceBand(confidence);
  return (
    <CheckpointSection id="cp-confidence" number={4} title="Confidence">
      <p className="cp-confidence">
        <ConfidenceBadge confidence={confidence} />
      </p>
      <p className="cp-muted">{bandMeaning[band]}</p>
    </CheckpointSection>
  );
}

const severityLabels: Record<Severity, string> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
};

interface FlagsSectionProps {
  flags: RuleFlag[];
  acknowledged: ReadonlySet<string>;
  onAcknowledge: (rule: Flag['rule'], checked: boolean) => void;
  disabled: boolean;
}

export function FlagsSection({ flags, acknowledged, onAcknowledge, disabled }: FlagsSectionProps) {
  return (
    <CheckpointSection id="cp-flags" number={5} title="Flags">
      {flags.length === 0 ? (
        <p className="cp-muted">No flags: none of the escalation rules fired for this item.</p>
      ) : (
        <ul className="cp-flags">
          {flags.map((flag) => {
            const info = flagRuleInfo[flag.rule];
            const id = `cp-ack-${flag.rule}`;
            return (
              <li key={flag.rule} className={`cp-flag cp-flag-${flag.severity}`}>
                <div className="cp-flag-head">
                  <h3 className="cp-flag-rule">{info.label}</h3>
                  {/* The exact settings that raised it: the rules table keeps every version. */}
                  <span className="cp-flag-version">rule v{flag.ruleVersion}</span>
                  <span
                    className={`badge badge-${flag.severity === 'critical' ? 'critical' : flag.severity}`}
                  >
                    {severityLabels[flag.severity]}
                  </span>
                  {flag.hardStop ? (
                    <span className="badge cp-badge-stop">Hard stop</span>
                  ) : (
                    <span className="cp-flag-response">Rule response: {info.response}</span>
                  )}
                </div>
                <p>{flag.message}</p>
                <p className="cp-flag-action">
                  <strong>You:</strong> {flag.humanAction || info.humanAction}
                </p>
                {flag.hardStop ? (
                  <label className="cp-ack" htmlFor={id}>
                    <input
                      id={id}
                      type="checkbox"
                      checked={acknowledged.has(flag.rule)}
                      onChange={(e) => onAcknowledge(flag.rule, e.target.checked)}
                      disabled={disabled}
                    />
                    I have reviewed the {info.label.toLowerCase()} hard stop and take the decision
                    myself
                  </label>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </CheckpointSection>
  );
}

export function NextActionSection({ nextAction }: { nextAction: string }) {
  return (
    <CheckpointSection id="cp-next" number={7} title="Your action" className="cp-next-action">
      <p className="cp-next-action-text">{nextAction}</p>
    </CheckpointSection>
  );
}

export function EscalationNote({ escalation }: { escalation: NonNullable<Handoff['escalation']> }) {
  const bySystem = escalation.by.type === 'system';
  return (
    <section className="notice notice-warning cp-escalation" aria-labelledby="cp-escalation-title">
      <h2 id="cp-escalation-title" className="notice-title">
        {bySystem
          ? `Escalated automatically from ${levelLabels[escalation.fromLevel]}`
          : `Escalated from ${levelLabels[escalation.fromLevel]} by ${escalation.by.name}`}
      </h2>
      <blockquote className="cp-escalation-note" aria-label="Escalation note">
        {escalation.note}
      </blockquote>
      <p className="cp-muted">
        <time dateTime={escalation.at}>{formatDateTime(escalation.at)}</time>
      </p>
    </section>
  );
}
