import type { ButtonHTMLAttributes } from "react";
import { Spinner } from "./PageLoader.tsx";

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "ghost" | "danger";
  /** Shows a spinner and blocks a second click while the request runs. */
  pending?: boolean;
}

export function Button({ variant = "primary", pending = false, className, children, disabled, ...rest }: Props) {
  return (
    <button
      type="button"
      className={`button button--${variant}${className ? ` ${className}` : ""}`}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending ? <Spinner label="Подождите…" /> : null}
      <span>{children}</span>
    </button>
  );
}
