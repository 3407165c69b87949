import { useEffect, useId, useRef, useState } from 'react';

interface FilterMenuProps<T extends string> {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  onToggle: (value: T) => void;
  onClear: () => void;
}

/**
 * A multi-select filter: a disclosure button that opens a small panel of checkboxes.
 * Escape or a click outside closes it; focus returns to the button.
 */
export function FilterMenu<T extends string>({
  label,
  options,
  labels,
  selected,
  onToggle,
  onClear,
}: FilterMenuProps<T>) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const inside = e.target instanceof Node && rootRef.current?.contains(e.target);
      setOpen(false);
      if (inside) buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const summary =
    selected.length === 0
      ? 'Any'
      : selected.length === 1
        ? labels[selected[0]!]
        : `${selected.length} selected`;

  return (
    <div className="filter-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`button filter-menu-button${selected.length ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span>{label}:</span> <span className="filter-menu-summary">{summary}</span>
        <span aria-hidden="true" className="filter-menu-caret">
          ▾
        </span>
      </button>
      <fieldset id={panelId} className="filter-menu-panel" hidden={!open}>
        <legend className="visually-hidden">{label}</legend>
        {options.map((value) => (
          <label key={value} className="filter-menu-option">
            <input
              type="checkbox"
              checked={selected.includes(value)}
              onChange={() => onToggle(value)}
            />
            {labels[value]}
          </label>
        ))}
        <button
          type="button"
          className="button filter-menu-clear"
          disabled={selected.length === 0}
          onClick={onClear}
        >
          Any {label.toLowerCase()}
        </button>
      </fieldset>
    </div>
  );
}
