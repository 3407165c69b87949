import { useEffect, useRef, useState } from 'react';
import type { HandoffSummary } from '../../../api/handoff-schemas';
import { gateDefaultShort, gateIsLive, gatePhase } from '../../../domain/gates';
import { useSecondClock } from '../../../lib/clock';

/**
 * Tells screen-reader users when an approval gate in the loaded queue starts its warning:
 * once per item, however many seconds tick by or however often the row scrolls in and out.
 */
export function GateWarnings({ rows }: { rows: HandoffSummary[] }) {
  const now = useSecondClock();
  const announced = useRef(new Set<string>());
  const [text, setText] = useState('');

  useEffect(() => {
    const fresh = rows.filter(
      (r) =>
        r.gate &&
        gateIsLive(r) &&
        gatePhase(r.gate, now) === 'warning' &&
        !announced.current.has(r.id),
    );
    if (fresh.length === 0) return;
    for (const r of fresh) announced.current.add(r.id);
    setText(
      fresh
        .map(
          (r) =>
            `Approval gate on #${r.ticketNumber} closes soon, then ${gateDefaultShort[r.gate!.defaultAction]}.`,
        )
        .join(' '),
    );
  }, [rows, now]);

  return (
    <p role="status" className="visually-hidden">
      {text}
    </p>
  );
}
