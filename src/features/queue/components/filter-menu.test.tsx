import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { FilterMenu } from './filter-menu';

const options = ['billing', 'legal'] as const;
const labels = { billing: 'Billing', legal: 'Legal' };

function Harness() {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <>
      <FilterMenu
        label="Category"
        options={options}
        labels={labels}
        selected={selected as (typeof options)[number][]}
        onToggle={(v) => setSelected((s) => (s.includes(v) ? s.filter((x) => x !== v) : [...s, v]))}
        onClear={() => setSelected([])}
      />
      <button type="button">Elsewhere</button>
    </>
  );
}

describe('FilterMenu', () => {
  it('opens a labelled list of checkboxes and summarises the choice on its button', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const button = screen.getByRole('button', { name: 'Category: Any' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('checkbox', { name: 'Legal' })).not.toBeInTheDocument();

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('group', { name: 'Category' })).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Legal' }));
    expect(screen.getByRole('button', { name: 'Category: Legal' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Billing' }));
    expect(screen.getByRole('button', { name: 'Category: 2 selected' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Any category' }));
    expect(screen.getByRole('button', { name: 'Category: Any' })).toBeInTheDocument();
  });

  it('closes on Escape (focus back on its button) and on a click outside', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const button = screen.getByRole('button', { name: /Category/ });

    await user.click(button);
    await user.click(screen.getByRole('checkbox', { name: 'Billing' }));
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();

    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });
});
