import { zodResolver } from "@hookform/resolvers/zod";
import { Password } from "@lk/contract/fields";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useSearchParams } from "react-router";
import { z } from "zod";
import { NewPasswordFields } from "../../../components/NewPasswordFields.tsx";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { applyApiError } from "../../../lib/form-errors.ts";
import { useResetPassword } from "../api/reset-password.ts";
import { AuthLayout } from "./AuthLayout.tsx";

const ResetForm = z
  .object({ password: Password, passwordRepeat: z.string() })
  .refine((v) => v.password === v.passwordRepeat, { path: ["passwordRepeat"], message: "Пароли не совпадают." });

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

function BadLink({ message }: { message: string }) {
  return (
    <AuthLayout title="Восстановление пароля">
      <Alert>{message}</Alert>
      <p className="auth-card__switch">
        <Link to="/forgot-password">Запросить новую ссылку</Link> · <Link to="/sign-in">Войти</Link>
      </p>
    </AuthLayout>
  );
}

/** The link from the mail: a new password typed twice; the link works once, for an hour. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const reset = useResetPassword();
  const [done, setDone] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ResetForm), defaultValues: { password: "", passwordRepeat: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      await reset.mutateAsync({ token, password });
      setDone(true);
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.code === "RESET_TOKEN_INVALID" || error.fields.some((f) => f.path === "token"))
      ) {
        setInvalid(error.code === "RESET_TOKEN_INVALID" ? error.message : "Ссылка для восстановления пароля неполная.");
        return;
      }
      setFormError(applyApiError(error, form.setError, ["password"]));
    }
  });

  if (!TOKEN.test(token)) {
    return (
      <BadLink message="Ссылка для восстановления пароля неполная. Откройте её из письма целиком или запросите новую." />
    );
  }
  if (invalid) return <BadLink message={invalid} />;
  if (done) {
    return (
      <AuthLayout title="Пароль изменён">
        <Alert tone="success">Новый пароль сохранён. Все сеансы завершены: войдите с новым паролем.</Alert>
        <Link to="/sign-in" className="button button--primary button--wide">
          Войти
        </Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Восстановление пароля">
      <form onSubmit={onSubmit} noValidate className="form">
        {formError ? <Alert>{formError}</Alert> : null}
        <NewPasswordFields
          label="Новый пароль"
          autoFocus
          password={form.register("password")}
          passwordError={errors.password?.message}
          repeat={form.register("passwordRepeat")}
          repeatError={errors.passwordRepeat?.message}
        />
        <Button type="submit" pending={reset.isPending} className="button--wide">
          Сохранить пароль
        </Button>
      </form>
    </AuthLayout>
  );
}
