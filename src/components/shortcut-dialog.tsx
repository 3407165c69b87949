import { Dialog } from './ui/dialog';

export const shortcutList: { keys: string; action: string }[] = [
  { keys: 'j / k', action: 'Next / previous item in the queue' },
  { keys: 'Enter', action: 'Open the selected item' },
  { keys: 'n', action: 'Claim the next item by priority' },
  { keys: 'g', action: 'Queue: group similar items for batch review (again: back to the list)' },
  { keys: 'x', action: 'Queue, grouped: select or unselect the highlighted item' },
  { keys: 'Shift+X', action: 'Queue, grouped: select all in the highlighted item’s group' },
  {
    keys: 'Shift+A / Shift+R / Shift+E',
    action: 'Queue, grouped: approve / reject / escalate the selected items',
  },
  { keys: 'z', action: 'Queue, grouped: undo the batch before it is sent' },
  { keys: 'o', action: 'Queue, grouped: open the first item the batch left out' },
  { keys: '/', action: 'Search the queue' },
  { keys: 'e', action: 'Edit the draft' },
  { keys: 'a', action: 'Approve (sends the draft, with your edits)' },
  { keys: 'r', action: 'Reject (asks for a reason)' },
  { keys: 'x', action: 'Escalate (asks for a level and a note)' },
  { keys: 'd', action: 'Redirect to the AI (asks for instructions)' },
  { keys: 'm', action: 'Re-route the item to another team (asks for the team and a reason)' },
  { keys: '1–9', action: 'Select one of the AI’s options' },
  {
    keys: 'Ctrl+Enter',
    action:
      'Submit the open form (routing policy: save the edit; post-hoc review: submit and open the next)',
  },
  { keys: 'Esc', action: 'Close a form, leave the editor, or go back to the queue' },
  { keys: 'p', action: 'Routing policy: preview the edit on last week’s traffic' },
  { keys: 'w', action: 'Dashboard: show the next time window' },
  { keys: 'u', action: 'People: disable or enable the selected person (j / k pick one)' },
  { keys: 'n', action: 'People: add a person' },
  { keys: 'p', action: 'People: set a new password for the selected person' },
  { keys: 'Alt+N', action: 'Webhooks: add an endpoint (to the URL field)' },
  {
    keys: 'r / x',
    action:
      'Webhooks: rotate the secret of / remove the selected endpoint (j / k pick one; x twice)',
  },
  { keys: 's', action: 'Webhooks: send the selected delivery again (n / p pick one)' },
  { keys: 'Alt+Q', action: 'Sign out' },
  { keys: 'Alt+Shift+Q', action: 'Sign out everywhere (every device)' },
  { keys: '?', action: 'Show this list' },
];

/** The list of every shortcut, in a dialog: loaded the first time someone asks for it. */
export function ShortcutDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts">
      <dl className="shortcut-list">
        {shortcutList.map((s) => (
          <div key={s.action}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.action}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
