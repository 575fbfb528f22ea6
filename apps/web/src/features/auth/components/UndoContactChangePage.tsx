import type { ContactChangeUndone } from "@lk/contract/auth";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { formatPhone } from "../../../lib/phone.ts";
import { useUndoContactChange } from "../api/undo-contact-change.ts";
import { AuthLayout } from "./AuthLayout.tsx";

const TITLE = "Отменить изменение контактов";
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/** Where to go from here: sign in with the address back, or set a new password first. */
function NextSteps() {
  return (
    <p className="auth-card__switch">
      <Link to="/sign-in">Войти</Link> · <Link to="/forgot-password">Забыли пароль?</Link>
    </p>
  );
}

/** The link cannot be used (cut short, spent, expired, or its address taken): why, and what next. */
function Refused({ message }: { message: string }) {
  return (
    <AuthLayout title={TITLE}>
      <Alert>{message}</Alert>
      <NextSteps />
    </AuthLayout>
  );
}

function doneText({ kind, value }: ContactChangeUndone): string {
  const back = value
    ? `вход снова по ${kind === "PHONE" ? formatPhone(value) : value}`
    : "добавленный номер телефона удалён";
  return `Готово: ${back}. Все сеансы завершены, прежний пароль больше не действует: задайте новый.`;
}

/** The link comes only by e-mail (a phone change's SMS to the previous number carries none). */
const INCOMPLETE_LINK = "Ссылка для отмены неполная. Откройте её из письма целиком.";

/**
 * The link from «ваш e-mail (телефон) изменён», sent to the previous address (for a phone change,
 * to the account's e-mail). Nothing happens on
 * opening it (mail scanners open links too): the customer presses the button.
 */
export function UndoContactChangePage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const undo = useUndoContactChange();
  const [refused, setRefused] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  if (!TOKEN.test(token)) {
    return <Refused message={INCOMPLETE_LINK} />;
  }
  if (refused) return <Refused message={refused} />;
  if (undo.data) {
    return (
      <AuthLayout title="Изменение отменено">
        <Alert tone="success">{doneText(undo.data)}</Alert>
        <Link
          to={`/reset-password?token=${encodeURIComponent(undo.data.passwordResetToken)}`}
          className="button button--primary button--wide"
        >
          Задать новый пароль
        </Link>
      </AuthLayout>
    );
  }

  const submit = () => {
    setFormError(null);
    undo.mutate(
      { token },
      {
        onError: (error) => {
          if (!(error instanceof ApiError)) {
            setFormError("Что-то пошло не так. Повторите попытку.");
          } else if (["UNDO_LINK_INVALID", "EMAIL_TAKEN", "PHONE_TAKEN"].includes(error.code)) {
            setRefused(error.message);
          } else if (error.fields.some((f) => f.path === "token")) {
            setRefused(INCOMPLETE_LINK);
          } else {
            // The network or a limit: the link may still work, so the button stays.
            setFormError(error.message);
          }
        },
      },
    );
  };

  return (
    <AuthLayout title={TITLE}>
      <p>
        Кто-то сменил e-mail или номер телефона в вашей учётной записи личного кабинета. Если это были не вы, верните
        прежний адрес: он снова станет логином, все сеансы на всех устройствах будут завершены, а пароль нужно будет
        задать новый.
      </p>
      <p>Если вы меняли адрес сами, ничего делать не нужно: просто закройте эту страницу.</p>
      {formError ? <Alert>{formError}</Alert> : null}
      <Button pending={undo.isPending} className="button--wide" onClick={submit}>
        Вернуть прежний адрес
      </Button>
    </AuthLayout>
  );
}
