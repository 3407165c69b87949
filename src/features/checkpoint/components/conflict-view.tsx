import { useEffect, useRef } from 'react';
import type { Handoff, Problem } from '../../../api/handoff-schemas';
import { StatusBadge } from '../../../components/badges';
import { levelLabels } from '../../../domain/levels';
import { isOpen } from '../../../domain/lifecycle';
import { formatDateTime } from '../../../lib/time';
import { Fact } from './fact';

interface ConflictViewProps {
  problem: Problem;
  current: Handoff;
  mine: { text: string; version: number };
  actorId: string;
  onKeepMine: () => void;
  onDiscardMine: () => void;
}

/** What the item holds now, in the words a reviewer compares with their own text. */
function currentText(h: Handoff): { label: string; text: string | null } {
  if (h.outcome?.action === 'approve') return { label: 'Sent reply', text: h.outcome.finalText };
  if (h.outcome?.action === 'reject') return { label: 'Rejection reason', text: h.outcome.reason };
  if (h.workingDraft)
    return { label: `Working draft by ${h.workingDraft.by.name}`, text: h.workingDraft.text };
  const last = h.drafts.at(-1);
  return { label: last ? `AI draft ${last.number}` : 'Draft', text: last?.text ?? null };
}

/**
 * The item changed under the reviewer (or someone else took it). Both versions side by side,
 * and two honest choices; the reviewer's text stays in the editor whatever they pick.
 */
export function ConflictView({
  problem,
  current,
  mine,
  actorId,
  onKeepMine,
  onDiscardMine,
}: ConflictViewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    // Bring the reviewer here after a click; never pull focus out of the editor mid-sentence.
    if (document.activeElement instanceof HTMLTextAreaElement) return;
    heading.current?.focus({ preventScroll: true });
    // The whole panel, choices included, in view above the sticky decision bar (the page's
    // scroll-padding keeps that strip free) rather than only its heading.
    panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const theirs = currentText(current);
  const holder = current.assignee
    ? current.assignee.id === actorId
      ? 'you'
      : current.assignee.name
    : 'nobody';
  return (
    <section
      ref={panel}
      className="version-conflict cp-conflict"
      aria-labelledby="cp-conflict-title"
    >
      <div role="alert">
        <h2 id="cp-conflict-title" ref={heading} tabIndex={-1}>
          {problem.title}
        </h2>
        {problem.detail ? <p>{problem.detail}</p> : null}
      </div>
      <div className="version-conflict-columns">
        <article className="version-conflict-side" aria-labelledby="cp-conflict-mine">
          <h3 id="cp-conflict-mine">Your version</h3>
          <p className="cp-muted">Written on version {mine.version}. Kept on this device.</p>
          <ScrollableText label="Your text">{mine.text}</ScrollableText>
        </article>
        <article className="version-conflict-side" aria-labelledby="cp-conflict-current">
          <h3 id="cp-conflict-current">The item now (version {current.version})</h3>
          <dl className="cp-conflict-meta">
            <Fact label="Status">
              <StatusBadge status={current.status} />
            </Fact>
            <Fact label="Held by">{holder}</Fact>
            <Fact label="Level">{levelLabels[current.level]}</Fact>
            <Fact label="Changed">
              <time dateTime={current.updatedAt}>{formatDateTime(current.updatedAt)}</time>
            </Fact>
          </dl>
          <p className="cp-conflict-label">{theirs.label}</p>
          <ScrollableText label={theirs.label}>{theirs.text ?? '—'}</ScrollableText>
        </article>
      </div>
      {!isOpen(current.status) ? (
        <p>
          This item is closed now; keeping your text lets you copy it, but it can no longer be sent
          from here.
        </p>
      ) : current.assignee && current.assignee.id !== actorId ? (
        <p>
          {current.assignee.name} holds the item now; your text stays on this device until they
          release it.
        </p>
      ) : null}
      <div className="version-conflict-actions">
        <button type="button" className="button button-primary" onClick={onKeepMine}>
          Keep my text and continue on the current version
        </button>
        <button type="button" className="button" onClick={onDiscardMine}>
          Discard mine
        </button>
      </div>
    </section>
  );
}

/** A long text in a capped box: focusable so keyboard users can scroll it. */
function ScrollableText({ label, children }: { label: string; children: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="cp-conflict-text" tabIndex={0} aria-label={label}>
      <pre>{children}</pre>
    </section>
  );
}
