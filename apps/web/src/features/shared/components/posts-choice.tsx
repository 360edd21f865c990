import type { DeletedPosts } from '@harbour/contracts';

export interface PostsChoiceOption {
  value: DeletedPosts;
  label: string;
  help: string;
}

/**
 * What becomes of a deleted account's posts, as radios each with its explanation: the member's own
 * /settings/delete and an admin's deletion dialog ask the same question in their own words.
 */
export function PostsChoice({
  name,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  options: PostsChoiceOption[];
  value: DeletedPosts | null;
  onChange: (value: DeletedPosts) => void;
  /** Shown under the choices and tied to the fieldset for screen readers. */
  error?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="choice-with-help">
          <label className="choice">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              aria-describedby={`${name}-${option.value}-help`}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
          <p id={`${name}-${option.value}-help`} className="field-hint">
            {option.help}
          </p>
        </div>
      ))}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
