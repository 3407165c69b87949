import { diffWords } from 'diff';

/**
 * The reviewer's reply against the AI's, word by word. Insertions and deletions are <ins> and
 * <del> with a spoken prefix, and styled with more than colour (underline, strike-through).
 */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const parts = diffWords(before, after);
  const added = parts.filter((p) => p.added).reduce((n, p) => n + words(p.value), 0);
  const removed = parts.filter((p) => p.removed).reduce((n, p) => n + words(p.value), 0);
  if (added === 0 && removed === 0) {
    return (
      <p className="cp-muted">
        {before === after
          ? 'No changes: the reply is exactly the AI’s draft.'
          : 'Only spacing or line breaks changed.'}
      </p>
    );
  }
  return (
    <div className="cp-diff">
      <p className="cp-diff-summary">
        {[
          added > 0 ? (
            <span key="a" className="cp-diff-legend-ins">
              {added} word{added === 1 ? '' : 's'} added
            </span>
          ) : null,
          added > 0 && removed > 0 ? ' · ' : null,
          removed > 0 ? (
            <span key="r" className="cp-diff-legend-del">
              {removed} word{removed === 1 ? '' : 's'} removed
            </span>
          ) : null,
        ]}
      </p>
      <p className="cp-diff-text">
        {parts.map((p, i) => {
          const key = `${i}-${p.added ? 'a' : p.removed ? 'r' : 'c'}`;
          if (!p.added && !p.removed) return <span key={key}>{p.value}</span>;
          // A screen reader hears what changed; the eye sees it by the element's style.
          const Mark = p.added ? 'ins' : 'del';
          return (
            <Mark key={key}>
              <span className="visually-hidden">[{p.added ? 'added' : 'removed'}: </span>
              {p.value}
              <span className="visually-hidden">]</span>
            </Mark>
          );
        })}
      </p>
    </div>
  );
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
