import { useEffect, useRef, useState } from 'react';
import type { EditorTab } from '../components/draft-editor';

/** The editor's tab, and a way to bring the reviewer to the text from anywhere on the screen. */
export function useEditorFocus() {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [tab, setTab] = useState<EditorTab>('edit');
  // Focus after the render that shows the edit tab, which may not be mounted yet.
  const [focusTick, setFocusTick] = useState(0);

  useEffect(() => {
    if (focusTick > 0) textareaRef.current?.focus();
  }, [focusTick]);

  const focusEditor = () => {
    setTab('edit');
    setFocusTick((n) => n + 1);
  };

  return { tab, setTab, textareaRef, focusEditor };
}
