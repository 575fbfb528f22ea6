import { Email, Phone } from "@lk/contract/fields";
import type { ContactKind, Profile } from "@lk/contract/profile";
import { type FormEvent, useRef, useState } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { useSendContactCode } from "../api/send-contact-code.ts";
import { contactBody, resendAt, type SentCode } from "../contact-code.ts";
import { contactError } from "../contact-errors.ts";
import { ContactCodeStep } from "./ContactCodeStep.tsx";

/** What the dialog is for: a new e-mail or phone, or confirming the current one (its code already sent). */
export interface ContactRequest {
  kind: ContactKind;
  mode: "change" | "confirm";
  sent?: SentCode;
}

function titleOf(request: ContactRequest, profile: Profile): string {
  if (request.mode === "confirm") return request.kind === "EMAIL" ? "Подтверждение e-mail" : "Подтверждение телефона";
  if (request.kind === "EMAIL") return "Изменение e-mail";
  return profile.phone ? "Изменение телефона" : "Добавление телефона";
}

function noticeOf(request: ContactRequest, profile: Profile): string {
  if (request.mode === "confirm") {
    return request.kind === "EMAIL" ? "Адрес электронной почты подтверждён." : "Номер телефона подтверждён.";
  }
  if (request.kind === "PHONE") return profile.phone ? "Телефон изменён." : "Телефон добавлен.";
  return "E-mail изменён и подтверждён.";
}

/** What the first step holds, kept while the code step is on screen: «Назад» brings it all back. */
interface Typed {
  value: string;
  password: string;
  /** Why the code step sent the customer back (the address is taken). */
  valueError?: string;
}

interface Props {
  request: ContactRequest | null;
  profile: Profile;
  onClose: () => void;
  /** The new address is the customer's: what to tell them. */
  onDone: (notice: string) => void;
}

/** SPEC §9: a new e-mail or phone counts only once the code sent to it is typed in. */
export function ContactDialog({ request, profile, onClose, onDone }: Props) {
  return (
    <Dialog open={request !== null} onClose={onClose} title={request ? titleOf(request, profile) : ""}>
      {request ? (
        <ContactFlow request={request} onCancel={onClose} onDone={() => onDone(noticeOf(request, profile))} />
      ) : null}
    </Dialog>
  );
}

function ContactFlow({
  request,
  onCancel,
  onDone,
}: {
  request: ContactRequest;
  onCancel: () => void;
  onDone: () => void;
}) {
  const [sent, setSent] = useState<SentCode | null>(request.sent ?? null);
  const [typed, setTyped] = useState<Typed>({ value: "", password: "" });
  if (!sent) {
    return (
      <ValueStep
        kind={request.kind}
        initial={typed}
        onSent={(next, values) => {
          setTyped(values);
          setSent(next);
        }}
        onCancel={onCancel}
      />
    );
  }
  return (
    <ContactCodeStep
      kind={request.kind}
      sent={sent}
      currentPassword={request.mode === "change" ? typed.password : undefined}
      onResent={setSent}
      onBack={
        request.mode === "change"
          ? (valueError) => {
              setTyped((t) => ({ ...t, valueError }));
              setSent(null);
            }
          : undefined
      }
      onDone={onDone}
    />
  );
}

function ValueStep({
  kind,
  initial,
  onSent,
  onCancel,
}: {
  kind: ContactKind;
  initial: Typed;
  onSent: (sent: SentCode, typed: Typed) => void;
  onCancel: () => void;
}) {
  const send = useSendContactCode();
  const [value, setValue] = useState(initial.value);
  const [password, setPassword] = useState(initial.password);
  const [errors, setErrors] = useState<{ value?: string; password?: string }>({ value: initial.valueError });
  const [formError, setFormError] = useState<string | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const isEmail = kind === "EMAIL";

  // The first field in error takes the focus, as the other forms of the profile do.
  const showErrors = (next: { value?: string; password?: string }) => {
    setErrors(next);
    (next.value ? valueRef : passwordRef).current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const checked = (isEmail ? Email : Phone).safeParse(value);
    const next = {
      value: checked.success ? undefined : checked.error.issues[0]?.message,
      password: password ? undefined : "Введите текущий пароль.",
    };
    if (next.value || next.password) {
      showErrors(next);
      return;
    }
    setErrors({});
    send.mutate(contactBody(kind, value, password), {
      onSuccess: (answer) =>
        onSent({ value: answer.value, resendAt: resendAt(answer.resendAfterSeconds) }, { value, password }),
      onError: (failure) => {
        const problem = contactError(failure, kind);
        if (problem.place === "password") showErrors({ password: problem.message });
        else if (problem.place === "form" && !problem.retryAfterSeconds) setFormError(problem.message);
        // «Too many requests» is about this address: it goes beside it, like the other refusals.
        else showErrors({ value: problem.message });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      <p className="dialog__lead">
        {isEmail
          ? "Мы отправим код на новый адрес. Адрес изменится, когда вы введёте код из письма."
          : "Мы отправим SMS с кодом на новый номер. Номер изменится, когда вы введёте код."}
      </p>
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        ref={valueRef}
        label={isEmail ? "Новый e-mail" : "Новый номер мобильного телефона"}
        type={isEmail ? "email" : "tel"}
        inputMode={isEmail ? "email" : "tel"}
        autoComplete={isEmail ? "email" : "tel"}
        placeholder={isEmail ? undefined : "+7 999 123-45-67"}
        value={value}
        error={errors.value}
        autoFocus
        data-autofocus
        onChange={(event) => setValue(event.target.value)}
      />
      <TextField
        ref={passwordRef}
        label="Текущий пароль"
        type="password"
        autoComplete="current-password"
        hint="Подтверждает, что логин меняете вы."
        value={password}
        error={errors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="dialog__actions">
        <Button type="submit" pending={send.isPending}>
          Получить код
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
