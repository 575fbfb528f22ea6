import { Email, Phone } from "@lk/contract/fields";
import type { ContactKind, Profile } from "@lk/contract/profile";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { useSendContactCode } from "../api/send-contact-code.ts";
import { contactBody, resendAt, type SentCode } from "../contact-code.ts";
import { contactError } from "../contact-errors.ts";
import { ContactCodeStep } from "./ContactCodeStep.tsx";

/** What the dialog is for: a new e-mail or phone, or confirming the current e-mail (its code already sent). */
export interface ContactRequest {
  kind: ContactKind;
  mode: "change" | "confirm";
  sent?: SentCode;
}

function titleOf(request: ContactRequest, profile: Profile): string {
  if (request.mode === "confirm") return "Подтверждение e-mail";
  if (request.kind === "EMAIL") return "Изменение e-mail";
  return profile.phone ? "Изменение телефона" : "Добавление телефона";
}

function noticeOf(request: ContactRequest, profile: Profile): string {
  if (request.kind === "PHONE") return profile.phone ? "Телефон изменён." : "Телефон добавлен.";
  return request.mode === "confirm" ? "Адрес электронной почты подтверждён." : "E-mail изменён и подтверждён.";
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
  const [typed, setTyped] = useState({ value: "", error: undefined as string | undefined });
  if (!sent) {
    return (
      <ValueStep
        kind={request.kind}
        initial={typed}
        onSent={(next) => {
          setTyped({ value: next.value, error: undefined });
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
      onResent={setSent}
      onBack={
        request.mode === "change"
          ? (error) => {
              setTyped((t) => ({ ...t, error }));
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
  initial: { value: string; error?: string };
  onSent: (sent: SentCode) => void;
  onCancel: () => void;
}) {
  const send = useSendContactCode();
  const [value, setValue] = useState(initial.value);
  const [error, setError] = useState(initial.error);
  const [formError, setFormError] = useState<string | null>(null);
  const isEmail = kind === "EMAIL";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const checked = (isEmail ? Email : Phone).safeParse(value);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    send.mutate(contactBody(kind, value), {
      onSuccess: (answer) => onSent({ value: answer.value, resendAt: resendAt(answer.resendAfterSeconds) }),
      onError: (failure) => {
        const problem = contactError(failure, kind);
        // «Too many requests» is about this address: it goes beside it, like the other refusals.
        if (problem.place === "form" && !problem.retryAfterSeconds) setFormError(problem.message);
        else setError(problem.message);
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
        label={isEmail ? "Новый e-mail" : "Новый номер мобильного телефона"}
        type={isEmail ? "email" : "tel"}
        inputMode={isEmail ? "email" : "tel"}
        autoComplete={isEmail ? "email" : "tel"}
        placeholder={isEmail ? undefined : "+7 999 123-45-67"}
        value={value}
        error={error}
        autoFocus
        data-autofocus
        onChange={(event) => setValue(event.target.value)}
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
