import type { ReactNode } from "react";

export interface Choice<T extends string> {
  value: T;
  title: string;
  description?: string | undefined;
}

interface Props<T extends string> {
  legend: string;
  /** The radios' name, and the prefix of the ids their error and descriptions are read out by. */
  name: string;
  choices: readonly Choice<T>[];
  value: string;
  error?: string | undefined;
  onChange: (value: T) => void;
  /** Shown under the options (a warning about the one chosen). */
  children?: ReactNode;
}

/** A fieldset of radio cards, each with an optional description, and the error read out with the group. */
export function ChoiceGroup<T extends string>({ legend, name, choices, value, error, onChange, children }: Props<T>) {
  const errorId = `${name}-choice-error`;
  return (
    <fieldset
      className={`service-choice${error ? " field--invalid" : ""}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {choices.map((choice) => (
        <label key={choice.value} className="service-choice__option">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            aria-describedby={choice.description ? `${name}-${choice.value}-description` : undefined}
            onChange={() => onChange(choice.value)}
          />
          <span>
            <span className="service-choice__title">{choice.title}</span>
            {choice.description ? (
              <span className="service-choice__description" id={`${name}-${choice.value}-description`}>
                {choice.description}
              </span>
            ) : null}
          </span>
        </label>
      ))}
      {children}
    </fieldset>
  );
}
