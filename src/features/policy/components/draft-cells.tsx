import type { ComponentPropsWithRef } from 'react';
import { ChoiceSelect, type ChoiceSelectProps } from '../../../components/choice-select';
import { FieldError, invalidProps } from './field-error';

/** The fields of a draft that hold text or one value of a closed set. */
type TextField<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

interface DraftRow<D> {
  draft: D;
  /** The field's path in the policy draft ("categories.billing.sampleRate"), as errors name it. */
  fieldKey: (name: TextField<D>) => string;
  errors: Record<string, string>;
  onChange: (patch: Partial<D>) => void;
}

/**
 * The cells of one row of a policy table, bound to that row's draft. Each cell holds the control
 * for one field, marked invalid and followed by the field's message while it has one.
 */
export function draftCells<D>({ draft, fieldKey, errors, onChange }: DraftRow<D>) {
  const patch = <K extends TextField<D>>(name: K, value: D[K]) =>
    onChange({ [name]: value } as unknown as Partial<D>);
  return {
    text<K extends TextField<D>>(
      name: K,
      input: Omit<ComponentPropsWithRef<'input'>, 'value' | 'onChange'>,
    ) {
      const field = fieldKey(name);
      return (
        <td>
          <input
            {...input}
            value={draft[name] as string}
            onChange={(e) => patch(name, e.target.value as D[K])}
            {...invalidProps(field, errors)}
          />
          <FieldError field={field} errors={errors} />
        </td>
      );
    },
    choice<K extends TextField<D>>(
      name: K,
      select: Omit<ChoiceSelectProps<D[K] & string>, 'value' | 'onChoose'>,
    ) {
      const field = fieldKey(name);
      return (
        <td>
          <ChoiceSelect
            {...select}
            value={draft[name] as D[K] & string}
            onChoose={(value) => value && patch(name, value)}
            {...invalidProps(field, errors)}
          />
          <FieldError field={field} errors={errors} />
        </td>
      );
    },
  };
}
