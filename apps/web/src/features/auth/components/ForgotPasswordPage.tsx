import { zodResolver } from "@hookform/resolvers/zod";
import { PasswordResetBody } from "@lk/contract/auth";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { applyApiError } from "../../../lib/form-errors.ts";
import { useRequestPasswordReset } from "../api/request-password-reset.ts";
import { AuthLayout } from "./AuthLayout.tsx";

/** «Забыли пароль?»: the e-mail, then the same answer whether or not it is registered. */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(PasswordResetBody), defaultValues: { email: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setFormError(null);
    try {
      await request.mutateAsync(body);
      setSentTo(body.email);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ["email"]));
    }
  });

  if (sentTo) {
    return (
      <AuthLayout title="Восстановление пароля">
        <Alert tone="success">
          Если адрес {sentTo} зарегистрирован, мы отправили на него письмо со ссылкой для восстановления пароля. Ссылка
          действует 1 час.
        </Alert>
        <p>Письмо не пришло? Проверьте папку «Спам» или запросите ссылку ещё раз.</p>
        <p className="auth-card__switch">
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            Отправить ещё раз
          </button>{" "}
          · <Link to="/sign-in">Вернуться ко входу</Link>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Восстановление пароля">
      <p>Укажите e-mail, с которым вы входите в личный кабинет. Мы пришлём на него ссылку для нового пароля.</p>
      <form onSubmit={onSubmit} noValidate className="form">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField
          label="E-mail"
          type="email"
          autoComplete="email"
          autoFocus
          error={errors.email?.message}
          {...form.register("email")}
        />
        <Button type="submit" pending={request.isPending} className="button--wide">
          Получить ссылку
        </Button>
      </form>
      <p className="auth-card__switch">
        Вспомнили пароль? <Link to="/sign-in">Войти</Link>
      </p>
    </AuthLayout>
  );
}
