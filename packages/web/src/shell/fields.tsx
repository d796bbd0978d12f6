import { ROLES, type Role } from '@mica-audit/core';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** A control with its visible label above it; the label wraps the control, so it names it. */
export function LabelledField({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** An input inside its label, with an optional hint under it that the input points at. */
export function InputField({
  label,
  hint,
  ...input
}: { readonly label: string; readonly hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const hintId = useId();
  return (
    <LabelledField label={label}>
      <input {...input} aria-describedby={hint === undefined ? undefined : hintId} />
      {hint !== undefined && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
    </LabelledField>
  );
}

/** A choice among the organisation roles, each named in the interface language. */
export function RoleSelect({
  value,
  onChange,
  label,
}: {
  readonly value: Role;
  readonly onChange: (role: Role) => void;
  /** The accessible name, where no visible label wraps the select. */
  readonly label?: string;
}) {
  const { t } = useI18n();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}
