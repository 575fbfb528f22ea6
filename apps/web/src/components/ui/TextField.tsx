import { type InputHTMLAttributes, type Ref, useState } from "react";
import { Field, type FieldFrameProps } from "./Field.tsx";

interface Props extends FieldFrameProps, Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  hint?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are read out with it; a password one can be shown. */
export function TextField({ label, hint, error, id, type = "text", ref, ...rest }: Props) {
  const [revealed, setRevealed] = useState(false);
  const isPassword = type === "password";
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => (
        <>
          <input
            ref={ref}
            className="field__input"
            type={isPassword && revealed ? "text" : type}
            {...control}
            {...rest}
          />
          {isPassword ? (
            <button
              type="button"
              className="field__reveal"
              aria-pressed={revealed}
              aria-controls={control.id}
              onClick={() => setRevealed((v) => !v)}
            >
              {revealed ? "Скрыть" : "Показать"}
              <span className="visually-hidden"> пароль</span>
            </button>
          ) : null}
        </>
      )}
    </Field>
  );
}
