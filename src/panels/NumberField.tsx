import { useState } from 'react';

/** A number input that commits on blur or Enter, and only a value within [min, max]. */
export function NumberField({
  label,
  value,
  min,
  max,
  step,
  onCommit,
  disabled,
  inline,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onCommit(v: number): void;
  disabled?: boolean;
  inline?: boolean;
  testId?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const n = Number(text);
  const ok = text.trim() !== '' && Number.isFinite(n) && n >= min && n <= max;
  const commit = () => {
    if (ok && n !== value) onCommit(n);
    setDraft(null);
  };
  return (
    <label className={inline ? 'check' : undefined}>
      {label}
      <input
        type="number"
        value={text}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        aria-invalid={!ok}
        size={6}
        style={{ width: '7em' }}
        data-testid={testId}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
