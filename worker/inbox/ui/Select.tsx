// A labelled choice among [value, text] pairs: the filters above the ticket list, the Insights report
// range and the segment builder's conditions. `aria` names it when its visible label is not enough.
export function Select<T extends string>({
  label,
  aria,
  value,
  options,
  onChange,
}: {
  label: string;
  aria?: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (value: T) => void;
}) {
  return (
    <label>
      {label}
      <select aria-label={aria} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
