import { useEffect, useRef } from 'react';

export interface Shortcut {
  /** A key as KeyboardEvent.key reports it ("j", "Enter", "?"), optionally with "mod+" (Ctrl or ⌘), "alt+" or "shift+". */
  key: string;
  handler: (event: KeyboardEvent) => void;
  /** Also fire while typing in a field. Only sensible for modifier shortcuts. */
  inFields?: boolean;
  enabled?: boolean;
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
  return e.key.toLowerCase() === key?.toLowerCase();
}

/**
 * Document-level keyboard shortcuts. Plain keys are ignored while the person types in a field
 * or a dialog is open, so typing "a" in a reply never approves it.
 */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const typing = isTypingTarget(e.target);
      const inDialog = document.querySelector(
        '[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]',
      );
      for (const s of ref.current) {
        if (s.enabled === false || !matches(s.key, e)) continue;
        if (typing && !s.inFields) continue;
        if (inDialog && !(e.target instanceof Node && inDialog.contains(e.target))) continue;
        e.preventDefault();
        s.handler(e);
        return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
