import { PASSWORD_RULE } from "@lk/contract/fields";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "./ui/TextField.tsx";

interface Props {
  /** «Пароль» at registration, «Новый пароль» when one is replaced; the second field repeats it. */
  label: string;
  password: UseFormRegisterReturn;
  passwordError?: string | undefined;
  repeat: UseFormRegisterReturn;
  repeatError?: string | undefined;
  autoFocus?: boolean;
}

/** A new password and the same again, with the rule it must meet (registration, reset, profile). */
export function NewPasswordFields({ label, password, passwordError, repeat, repeatError, autoFocus }: Props) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        hint={PASSWORD_RULE}
        error={passwordError}
        {...password}
      />
      <TextField
        label={`${label} ещё раз`}
        type="password"
        autoComplete="new-password"
        error={repeatError}
        {...repeat}
      />
    </>
  );
}
