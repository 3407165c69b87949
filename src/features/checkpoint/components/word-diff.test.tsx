import { render, screen } from '@testing-library/react';
import { WordDiff } from './word-diff';

describe('WordDiff', () => {
  it('marks insertions and deletions as such, in words a screen reader can say', () => {
    render(<WordDiff before="We will refund you today." after="We will reship to you today." />);
    const ins = screen.getAllByRole('insertion');
    const del = screen.getAllByRole('deletion');
    expect([...ins].map((e) => e.textContent)).toEqual(['[added: reship to]']);
    expect([...del].map((e) => e.textContent)).toEqual(['[removed: refund]']);
    expect(screen.getByText('2 words added')).toBeInTheDocument();
    expect(screen.getByText('1 word removed')).toBeInTheDocument();
  });

  it('says so when nothing changed', () => {
    render(<WordDiff before="Same." after="Same." />);
    expect(screen.getByText(/No changes/)).toBeInTheDocument();
  });
});
