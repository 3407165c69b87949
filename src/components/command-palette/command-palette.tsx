import { Command } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import type { HandoffSummary } from '../../api/handoff-schemas';
import type { RecentItem } from '../../stores/preferences-store';
import { CommandDialog } from '../ui/command-dialog';
import './palette.css';

/** One entry of the palette: a screen, a screen's action, a preference. */
export interface PaletteCommand {
  id: string;
  label: string;
  keywords?: string[];
  /** As a person reads it ("a", "Ctrl+Enter"). */
  shortcut?: string;
  run: () => void;
}

/** "4521" or "#4521": someone looking for a ticket by its number. */
function ticketNumberIn(search: string): string | null {
  const m = search.trim().match(/^#?(\d{1,9})$/);
  return m?.[1] ?? null;
}

export interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The current screen's labelled shortcuts, as they stood when the palette opened. */
  actions: PaletteCommand[];
  screens: PaletteCommand[];
  preferences: PaletteCommand[];
  recent: RecentItem[];
  openItem: (id: string) => void;
  findTickets: (number: string) => Promise<HandoffSummary[]>;
}

/**
 * Ctrl/⌘+K: every screen, every action the current screen offers with its shortcut, the items
 * opened lately, and any ticket by its number. Takes everything from its launcher, so this
 * chunk carries cmdk and the list alone.
 */
export function CommandPalette({
  open,
  onOpenChange,
  actions,
  screens,
  preferences,
  recent,
  openItem,
  findTickets,
}: CommandPaletteProps) {
  const [search, setSearch] = useState('');
  // Run once the palette has closed and focus is back on the page, so the action finds the
  // screen as its shortcut would.
  const pending = useRef<(() => void) | null>(null);
  const number = ticketNumberIn(search);
  const [tickets, setTickets] = useState<{ number: string; items: HandoffSummary[] } | null>(null);
  useEffect(() => {
    if (number === null) return;
    let current = true;
    findTickets(number).then(
      (items) => current && setTickets({ number, items }),
      () => current && setTickets({ number, items: [] }),
    );
    return () => {
      current = false;
    };
  }, [number, findTickets]);
  const found = number !== null && tickets?.number === number ? tickets.items : null;

  const run = (action: () => void) => {
    pending.current = action;
    setSearch('');
    onOpenChange(false);
  };
  const group = (heading: string, items: PaletteCommand[]) =>
    items.length ? (
      <Command.Group heading={heading}>
        {items.map((c) => (
          <Command.Item
            key={c.id}
            value={c.id}
            keywords={[c.label, ...(c.keywords ?? [])]}
            onSelect={() => run(c.run)}
          >
            <span>{c.label}</span>
            {c.shortcut ? <kbd>{c.shortcut}</kbd> : null}
          </Command.Item>
        ))}
      </Command.Group>
    ) : null;

  return (
    <CommandDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) setSearch('');
        onOpenChange(o);
      }}
      title="Command palette"
      onClosed={() => {
        const action = pending.current;
        pending.current = null;
        if (!action) return true;
        action();
        return false;
      }}
    >
      <Command label="Search commands, screens and tickets" loop>
        <Command.Input
          value={search}
          onValueChange={setSearch}
          placeholder="A command, a screen or a ticket number…"
        />
        <Command.List>
          <Command.Empty>
            {number !== null && found === null ? 'Looking for the ticket…' : 'Nothing matches.'}
          </Command.Empty>
          {found?.length ? (
            <Command.Group heading="Tickets">
              {found.map((t) => (
                <Command.Item
                  key={t.id}
                  value={`ticket ${t.id}`}
                  keywords={[String(t.ticketNumber), `#${t.ticketNumber}`]}
                  forceMount
                  onSelect={() => run(() => openItem(t.id))}
                >
                  <span>
                    Open #{t.ticketNumber} · {t.subject}
                  </span>
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          {group('On this screen', actions)}
          {group(
            'Recent',
            recent.map((r) => ({
              id: `recent ${r.id}`,
              label: `#${r.ticketNumber} · ${r.subject}`,
              keywords: [String(r.ticketNumber)],
              run: () => openItem(r.id),
            })),
          )}
          {group('Go to', screens)}
          {group('Preferences', preferences)}
        </Command.List>
      </Command>
    </CommandDialog>
  );
}
