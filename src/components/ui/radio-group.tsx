import { RadioGroup as RadixRadioGroup } from 'radix-ui';
import type { ReactNode } from 'react';

interface RadioGroupProps {
  label: string;
  value: string | null;
  onValueChange: (value: string) => void;
  items: { value: string; label: ReactNode; description?: ReactNode }[];
}

/** A labelled group of choices, one selectable, arrow keys to move. */
export function RadioGroup({ label, value, onValueChange, items }: RadioGroupProps) {
  return (
    <RadixRadioGroup.Root
      className="radio-group"
      aria-label={label}
      value={value ?? ''}
      onValueChange={onValueChange}
    >
      {items.map((item) => {
        const id = `radio-${label.replace(/\W+/g, '-')}-${item.value}`;
        return (
          <div key={item.value} className="radio-item">
            <RadixRadioGroup.Item id={id} value={item.value} className="radio">
              <RadixRadioGroup.Indicator className="radio-indicator" />
            </RadixRadioGroup.Item>
            <label htmlFor={id}>
              <span className="radio-label">{item.label}</span>
              {item.description ? (
                <span className="radio-description">{item.description}</span>
              ) : null}
            </label>
          </div>
        );
      })}
    </RadixRadioGroup.Root>
  );
}
