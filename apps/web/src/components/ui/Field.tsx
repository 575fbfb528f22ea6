import { type ReactNode, useId } from "react";

export interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  id?: string | undefined;
}

/** What the control inside a field carries so its label, hint and error are read out with it. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * The frame every labelled control shares (text, select, multi-line): the label, the control, the
 * error and the hint, tied together by ids. `children` draws the control from the props it needs.
 */
export function Field({
  label,
  hint,
  error,
  id,
  children,
}: FieldFrameProps & { children: (control: FieldControlProps) => ReactNode }) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const control: FieldControlProps = {
    id: controlId,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [errorId, hintId].filter(Boolean).join(" ") || undefined,
  };
  // A hint of text is a paragraph; a richer one (a list, a link with text around it) a block.
  const Hint = typeof hint === "string" ? "p" : "div";
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={controlId}>
        {label}
      </label>
      <div className="field__control">{children(control)}</div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <Hint className="field__hint" id={hintId}>
          {hint}
        </Hint>
      ) : null}
    </div>
  );
}
