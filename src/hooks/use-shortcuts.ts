import { useEffect, useRef } from 'react';

export interface Shortcut {
  /** A key as KeyboardEvent.key reports it ("j", "Enter", "?"), optionally with "mod+" (Ctrl or ⌘), "alt+" or "shift+". */
  key: string;
  handler: (event: KeyboardEvent) => void;
  /** Also fire while typing in a field. Only sensible for modifier shortcuts. */
  inFields?: boolean;
  enabled?: boolean;
  /** What it does, in a few words: a labelled shortcut is offered by the command palette. */
  label?: string;
}

/** A labelled shortcut that a mounted screen offers now, as the command palette lists it. */
export interface ShortcutAction {
  key: string;
  label: string;
  run: () => void;
}

/* Every mounted useShortcuts call, most recent last: read when the palette opens. */
const registry = new Set<{ current: Shortcut[] }>();

/** The actions the screens on show offer now (enabled and labelled), newest screen first. */
export function activeShortcutActions(): ShortcutAction[] {
  const seen = new Set<string>();
  const actions: ShortcutAction[] = [];
  for (const ref of [...registry].reverse()) {
    for (const s of ref.current) {
      if (s.enabled === false || !s.label || seen.has(s.key)) continue;
      seen.add(s.key);
      actions.push({
        key: s.key,
        label: s.label,
        run: () => s.handler(new KeyboardEvent('keydown', { key: s.key.split('+').pop() })),
      });
    }
  }
  return actions;
}

/** How a shortcut reads to a person: "mod+k" is "Ctrl+K", "alt+t" is "Alt+T", "a" stays "a". */
export function shortcutLabel(key: string): string {
  const parts = key.split('+');
  if (parts.length === 1) return key === 'Escape' ? 'Esc' : key;
  const last = parts.pop() ?? '';
  const names = parts.map((p) => ({ mod: 'Ctrl', alt: 'Alt', shift: 'Shift' })[p] ?? p);
  return [...names, last.length === 1 ? last.toUpperCase() : last].join('+');
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit'].includes(type);
  }
  return false;
}

function matches(shortcut: string, e: KeyboardEvent): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop();
  const mod = parts.includes('mod');
  const alt = parts.includes('alt');
  if (mod !== (e.ctrlKey || e.metaKey) || alt !== e.altKey) return false;
  // Without "shift+" a shifted key still matches ("?" is Shift+/): list the shifted one first.
  if (parts.includes('shift') && !e.shiftKey) return false;
  if (e.key.toLowerCase() === key?.toLowerCase()) return true;
  // With Alt (Option on a Mac) the key may report another character; the physical key counts.
  return alt && key?.length === 1 && e.code === `Key${key.toUpperCase()}`;
}

/**
 * Document-level keyboard shortcuts. Plain keys are ignored while the person types in a field
 * or a dialog is open, so typing "a" in a reply never approves it.
 */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    registry.add(ref);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const typing = isTypingTarget(e.target);
      // Looked up only once a shortcut matches: most keys pressed match none of a screen's.
      let inDialog: Element | null | undefined;
      for (const s of ref.current) {
        if (s.enabled === false || !matches(s.key, e)) continue;
        if (typing && !s.inFields) continue;
        if (inDialog === undefined)
          inDialog = document.querySelector(
            '[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]',
          );
        if (inDialog && !(e.target instanceof Node && inDialog.contains(e.target))) continue;
        e.preventDefault();
        s.handler(e);
        return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      registry.delete(ref);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}
