import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { ShortcutHelp } from './shortcut-help';

test('? opens the list of shortcuts, and Esc closes it', async () => {
  const user = userEvent.setup();
  render(<ShortcutHelp />);
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

  await user.keyboard('?');
  const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
  expect(dialog).toHaveTextContent('Claim the next item by priority');

  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
});

test('the Shortcuts button opens the same list', async () => {
  const user = userEvent.setup();
  render(<ShortcutHelp />);
  await user.click(screen.getByRole('button', { name: 'Shortcuts' }));
  expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
});
