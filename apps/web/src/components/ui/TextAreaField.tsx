import type { Ref, TextareaHTMLAttributes } from "react";
import { Field, type FieldFrameProps } from "./Field.tsx";

interface Props extends FieldFrameProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  hint?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line field whose hint and error are read out with it. */
export function TextAreaField({ label, hint, error, id, ref, rows = 3, ...rest }: Props) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => <textarea ref={ref} rows={rows} className="field__input field__textarea" {...control} {...rest} />}
    </Field>
  );
}
