import { type ComponentPropsWithRef, useId } from 'react';

export type ChoiceSelectProps<T extends string> = Omit<
  ComponentPropsWithRef<'select'>,
  'value' | 'onChange' | 'children'
> & {
  /** The choices in the order they are offered, e.g. a schema's `options`. */
  choices: readonly T[];
  labels: Readonly<Record<T, string>>;
  value: T | undefined;
  /** Hears the chosen value; undefined when the "none" option is chosen. */
  onChoose: (value: T | undefined) => void;
  /** Offers a first option that chooses nothing ("Any action", "Choose a level…"). */
  noneLabel?: string;
};

/**
 * A select over a closed set of values with their labels. The chosen value is checked against
 * the choices, so a handler never sees a string outside the set.
 */
export function ChoiceSelect<T extends string>({
  choices,
  labels,
  value,
  onChoose,
  noneLabel,
  ...select
}: ChoiceSelectProps<T>) {
  return (
    <select
      {...select}
      value={value ?? ''}
      onChange={(e) => {
        const chosen = e.target.value;
        onChoose(choices.find((c) => c === chosen));
      }}
    >
      {noneLabel !== undefined ? <option value="">{noneLabel}</option> : null}
      {choices.map((c) => (
        <option key={c} value={c}>
          {labels[c]}
        </option>
      ))}
    </select>
  );
}

type ChoiceFieldProps<T extends string> = Omit<ChoiceSelectProps<T>, 'id' | 'className'> & {
  label: string;
  /** The wrapper's class: `field` in a form, the filter bar's own class in a filter bar. */
  className: string;
};

/** A choice select under its label, the way forms and filter bars show one. */
export function ChoiceField<T extends string>({
  label,
  className,
  ...select
}: ChoiceFieldProps<T>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <ChoiceSelect {...select} id={id} />
    </div>
  );
}
