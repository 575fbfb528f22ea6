import type { ContactKind } from "@lk/contract/profile";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { formatPhone } from "../../../lib/phone.ts";
import { useConfirmContact } from "../api/confirm-contact.ts";
import { useSendContactCode } from "../api/send-contact-code.ts";
import { codeDigits, contactBody, resendAt, type SentCode } from "../contact-code.ts";
import { type ContactError, contactError } from "../contact-errors.ts";
import { formatSeconds, useCountdown } from "../use-countdown.ts";

interface Props {
  kind: ContactKind;
  sent: SentCode;
  /** For a change of login: the password typed with it, sent again with «Отправить код ещё раз». */
  currentPassword?: string;
  onResent: (sent: SentCode) => void;
  /** Back to typing the address (with the error that sends the customer there); absent when confirming the current one. */
  onBack?: (error?: string) => void;
  onDone: () => void;
}

/** «Мы отправили код на …»: six digits, a new code after the countdown, errors beside the field. */
export function ContactCodeStep({ kind, sent, currentPassword, onResent, onBack, onDone }: Props) {
  const confirm = useConfirmContact();
  const resend = useSendContactCode();
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<ContactError | null>(null);
  const [resent, setResent] = useState(false);
  const seconds = useCountdown(sent.resendAt);
  const waitId = useId();
  const isEmail = kind === "EMAIL";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResent(false);
    const digits = code.trim();
    if (!/^\d{6}$/.test(digits)) {
      setProblem({ place: "code", message: "Код состоит из 6 цифр." });
      return;
    }
    confirm.mutate(
      { kind, code: digits },
      {
        onSuccess: onDone,
        onError: (failure) => {
          const next = contactError(failure, kind);
          if (next.place === "value" && onBack) onBack(next.message);
          else setProblem(next);
        },
      },
    );
  };

  const sendAgain = () => {
    setResent(false);
    resend.mutate(contactBody(kind, sent.value, currentPassword), {
      onSuccess: (answer) => {
        setCode("");
        setProblem(null);
        setResent(true);
        onResent({ value: answer.value, resendAt: resendAt(answer.resendAfterSeconds) });
      },
      onError: (failure) => {
        const next = contactError(failure, kind);
        if (next.retryAfterSeconds) onResent({ ...sent, resendAt: resendAt(next.retryAfterSeconds) });
        setProblem({ ...next, place: "form" });
      },
    });
  };

  const shown = isEmail ? sent.value : formatPhone(sent.value);
  return (
    <form onSubmit={submit} noValidate className="form">
      <p className="dialog__lead">
        Мы отправили код на <strong className="contact-code__to">{shown}</strong>.{" "}
        {isEmail ? "Введите его из письма." : "Введите его из SMS."} Код действует 10 минут.
      </p>
      {sent.note ? <Alert tone="info">{sent.note}</Alert> : null}
      {resent ? <Alert tone="success">Новый код отправлен на {shown}.</Alert> : null}
      {problem?.place === "form" ? <Alert>{problem.message}</Alert> : null}
      <TextField
        label={isEmail ? "Код из письма" : "Код из SMS"}
        inputMode="numeric"
        autoComplete="one-time-code"
        className="field__input contact-code__input"
        hint={
          isEmail
            ? "Письмо не пришло? Проверьте папку «Спам»."
            : "SMS не пришло? Проверьте номер и запросите код ещё раз."
        }
        value={code}
        error={problem?.place === "code" ? problem.message : undefined}
        autoFocus
        data-autofocus
        onChange={(event) => setCode(codeDigits(event.target.value))}
      />
      <div className="dialog__actions dialog__actions--split">
        <div className="contact-code__resend">
          <Button
            variant={problem?.needsNewCode && seconds === 0 ? "primary" : "secondary"}
            disabled={seconds > 0}
            pending={resend.isPending}
            aria-describedby={seconds > 0 ? waitId : undefined}
            onClick={sendAgain}
          >
            Отправить код ещё раз
          </Button>
          {seconds > 0 ? (
            <span id={waitId} className="contact-code__wait">
              через {formatSeconds(seconds)}
            </span>
          ) : null}
        </div>
        <Button type="submit" pending={confirm.isPending}>
          Подтвердить
        </Button>
      </div>
      {onBack ? (
        <button type="button" className="link-button" onClick={() => onBack()}>
          {isEmail ? "Указать другой адрес" : "Указать другой номер"}
        </button>
      ) : null}
    </form>
  );
}
