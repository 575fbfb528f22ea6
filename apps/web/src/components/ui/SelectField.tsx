import type { ReactNode, Ref, SelectHTMLAttributes } from "react";
import { Field, type FieldFrameProps } from "./Field.tsx";

interface Props extends FieldFrameProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  ref?: Ref<HTMLSelectElement>;
  children: ReactNode;
}

/** A labelled native select (the phone's own picker on mobile) whose hint and error are read out with it. */
export function SelectField({ label, hint, error, id, ref, children, ...rest }: Props) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => (
        <select ref={ref} className="field__input field__select" {...control} {...rest}>
          {children}
        </select>
      )}
    </Field>
  );
}
