import type { ReactNode } from 'react';

/** One term of a description list (`<dl>`): what it is, and its value. */
export function Fact({
  label,
  valueClassName,
  children,
}: {
  label: string;
  valueClassName?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={valueClassName}>{children}</dd>
    </div>
  );
}
