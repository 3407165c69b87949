import { useState } from 'react';
import { useShortcuts } from '../../hooks/use-shortcuts';
import '../../styles/tour.css';

interface Step {
  title: string;
  text: string;
  /** The screen the step is about; Next goes there. */
  to: string;
  params?: Record<string, string>;
}

export const TOUR_STEPS: Step[] = [
  {
    title: 'The queue',
    text: 'Every open handoff, most urgent first, with its SLA and gate countdowns. j and k move, Enter opens an item, n claims the next one within your authority.',
    to: '/queue',
  },
  {
    title: 'The checkpoint',
    text: 'One handoff with its whole context: the request, what the AI did, its draft and confidence, the flags and the one thing it asks. Approve (a), reject (r), escalate (x) or redirect the AI (d) from the decision bar.',
    to: '/handoffs/$handoffId',
    params: { handoffId: 'h-4521' },
  },
  {
    title: 'The lead dashboard',
    text: 'The floor in figures: queue depth, SLA, the human review rate against its band, decision rates by category. Every chart opens the queue behind it.',
    to: '/dashboard',
  },
  {
    title: 'The routing policy',
    text: 'Rules and per-category routing. Preview an edit on last week’s traffic (p) before saving it.',
    to: '/policy',
  },
  {
    title: 'The demo floor',
    text: 'Let tickets arrive, turn the AI’s quality down, add latency and failures, and watch the floor cope. Acting as, in the header, switches between reviewers. Ctrl+K finds any screen, action or ticket.',
    to: '/demo',
  },
];

/**
 * A first visit's tour of the demo: one card at the top of the page (it pushes the screen down
 * rather than covering it, so the decision bar stays clear), dismissed for good once closed.
 */
export function GuidedTour({
  show,
  onClose,
}: {
  /** Opens the screen a step is about. */
  show: (to: string, params?: Record<string, string>) => void;
  onClose: () => void;
}) {
  const [index, setIndex] = useState(0);
  const step = TOUR_STEPS[index]!;
  const last = index === TOUR_STEPS.length - 1;

  const go = (to: number) => {
    const next = TOUR_STEPS[to];
    if (!next) return;
    setIndex(to);
    show(next.to, next.params);
  };
  const close = onClose;
  const forward = () => (last ? close() : go(index + 1));

  useShortcuts([
    {
      key: 'alt+n',
      handler: forward,
      inFields: true,
      label: last ? 'Finish the tour' : 'Next tour step',
    },
    {
      key: 'alt+p',
      handler: () => go(index - 1),
      enabled: index > 0,
      inFields: true,
      label: 'Previous tour step',
    },
    { key: 'alt+w', handler: close, inFields: true, label: 'Close the tour' },
  ]);

  return (
    <section className="tour" aria-labelledby="tour-title">
      <div className="tour-body">
        <p className="tour-progress">
          Guided tour · step {index + 1} of {TOUR_STEPS.length}
        </p>
        <h2 id="tour-title">{step.title}</h2>
        <p>{step.text}</p>
      </div>
      <div className="tour-actions">
        {index > 0 ? (
          <button
            type="button"
            className="button"
            onClick={() => go(index - 1)}
            aria-keyshortcuts="Alt+P"
          >
            Back
          </button>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          onClick={forward}
          aria-keyshortcuts="Alt+N"
        >
          {last ? 'Finish' : index === 0 ? 'Start the tour' : 'Next'}
        </button>
        <button type="button" className="button" onClick={close} aria-keyshortcuts="Alt+W">
          Close the tour
        </button>
      </div>
    </section>
  );
}
