import { useEffect, useRef } from 'react';

/** One side of a conflict: the version it stands for and what it says, term by term. */
export interface ConflictSide {
  version: number;
  facts: ReadonlyArray<readonly [term: string, value: string]>;
}

interface VersionConflictProps {
  /** What moved on, e.g. "Someone changed Ana Ortiz while you were looking." */
  title: string;
  /** The server's detail, naming both versions. */
  detail?: string | undefined;
  mine: ConflictSide;
  /** What is in force now; null while it is being fetched. */
  current: ConflictSide | null;
  /** Sends the same change again, made on the current version. */
  onApplyMine: () => void;
  /** Keeps what is in force and drops the change. */
  onKeepCurrent: () => void;
  busy?: boolean;
}

/**
 * A change refused because the resource moved on while it was made: both versions side by side,
 * and two honest choices. Used where a small versioned resource is edited in place (a person's
 * access, the post-hoc review settings).
 */
export function VersionConflict({
  title,
  detail,
  mine,
  current,
  onApplyMine,
  onKeepCurrent,
  busy = false,
}: VersionConflictProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className="version-conflict" aria-labelledby="version-conflict-title">
      <div role="alert">
        <h2 id="version-conflict-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {detail ? <p>{detail}</p> : null}
      </div>
      <div className="version-conflict-columns">
        <Side heading={`Your change (made on version ${mine.version})`} side={mine} />
        {current ? (
          <Side heading={`Now (version ${current.version})`} side={current} />
        ) : (
          <p role="status">Fetching the current version…</p>
        )}
      </div>
      <div className="version-conflict-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!current || busy}
          onClick={onApplyMine}
        >
          {current ? `Apply my change to version ${current.version}` : 'Apply my change'}
        </button>
        <button type="button" className="button" onClick={onKeepCurrent}>
          {current ? `Keep version ${current.version}` : 'Keep what is there'}
        </button>
      </div>
    </section>
  );
}

function Side({ heading, side }: { heading: string; side: ConflictSide }) {
  return (
    <article className="version-conflict-side" aria-label={heading}>
      <h3>{heading}</h3>
      <dl>
        {side.facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
