import { zodResolver } from "@hookform/resolvers/zod";
import { RegisterBody } from "@lk/contract/auth";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { z } from "zod";
import { NewPasswordFields } from "../../../components/NewPasswordFields.tsx";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { applyApiError } from "../../../lib/form-errors.ts";
import { useRegister } from "../api/register.ts";
import { AuthLayout } from "./AuthLayout.tsx";

// The contract's rules plus what only the form needs: typing the password twice.
const RegisterForm = RegisterBody.extend({ passwordRepeat: z.string() }).refine(
  (v) => v.password === v.passwordRepeat,
  { path: ["passwordRepeat"], message: "Пароли не совпадают." },
);

const FIELDS = ["fullName", "email", "phone", "password", "passwordRepeat"] as const;

export function RegisterPage() {
  const registration = useRegister();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(RegisterForm),
    defaultValues: { fullName: "", email: "", phone: "", password: "", passwordRepeat: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ passwordRepeat: _, ...body }) => {
    setFormError(null);
    try {
      await registration.mutateAsync(body);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, FIELDS));
    }
  });

  return (
    <AuthLayout title="Регистрация">
      <form onSubmit={onSubmit} noValidate className="form">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField
          label="ФИО"
          autoComplete="name"
          autoFocus
          error={errors.fullName?.message}
          {...form.register("fullName")}
        />
        <TextField
          label="E-mail"
          type="email"
          autoComplete="email"
          hint="На этот адрес придут квитанции и коды подтверждения."
          error={errors.email?.message}
          {...form.register("email")}
        />
        <TextField
          label="Мобильный телефон (необязательно)"
          type="tel"
          autoComplete="tel"
          placeholder="+7 999 123-45-67"
          error={errors.phone?.message}
          {...form.register("phone")}
        />
        <NewPasswordFields
          label="Пароль"
          password={form.register("password")}
          passwordError={errors.password?.message}
          repeat={form.register("passwordRepeat")}
          repeatError={errors.passwordRepeat?.message}
        />
        <Button type="submit" pending={registration.isPending} className="button--wide">
          Зарегистрироваться
        </Button>
      </form>
      <p className="auth-card__switch">
        Уже есть учётная запись? <Link to="/sign-in">Войти</Link>
      </p>
    </AuthLayout>
  );
}
