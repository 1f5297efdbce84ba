import type { ReactNode } from 'react';

/**
 * One choice of a radio group, its input inside its label (so the whole line is the hit target
 * and the label names the input for assistive tech). The dialogs' scope, format, unit and layer
 * choices all use it.
 */
export function RadioOption({
  name,
  checked,
  onSelect,
  disabled = false,
  className,
  children,
}: {
  name: string;
  checked: boolean;
  onSelect: () => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={className}>
      <input type="radio" name={name} disabled={disabled} checked={checked} onChange={onSelect} /> {children}
    </label>
  );
}
