import { zodResolver } from "@hookform/resolvers/zod";
import { SignInBody } from "@lk/contract/auth";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useSearchParams } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { applyApiError } from "../../../lib/form-errors.ts";
import { useSignIn } from "../api/sign-in.ts";
import { AuthLayout } from "./AuthLayout.tsx";

export function SignInPage() {
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(SignInBody), defaultValues: { login: "", password: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      // On success the session appears and RedirectIfSignedIn takes the customer on.
      await signIn.mutateAsync(values);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ["login", "password"]));
    }
  });

  return (
    <AuthLayout title="Вход в личный кабинет">
      {params.get("ended") ? <Alert tone="info">Сеанс завершён. Войдите снова.</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField
          label="E-mail или номер телефона"
          autoComplete="username"
          inputMode="email"
          autoFocus
          error={errors.login?.message}
          {...form.register("login")}
        />
        <TextField
          label="Пароль"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register("password")}
        />
        <p className="sign-in__forgot">
          <Link to="/forgot-password">Забыли пароль?</Link>
        </p>
        <Button type="submit" pending={signIn.isPending} className="button--wide">
          Войти
        </Button>
      </form>
      <p className="auth-card__switch">
        Впервые здесь? <Link to="/register">Зарегистрироваться</Link>
      </p>
    </AuthLayout>
  );
}
