import { zodResolver } from "@hookform/resolvers/zod";
import { Password } from "@lk/contract/fields";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { NewPasswordFields } from "../../../components/NewPasswordFields.tsx";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { applyApiError } from "../../../lib/form-errors.ts";
import { useChangePassword } from "../api/change-password.ts";

// The contract's rules plus what only the form needs: the new password typed twice.
const PasswordForm = z
  .object({
    currentPassword: z.string().min(1, "Введите текущий пароль."),
    newPassword: Password,
    newPasswordRepeat: z.string(),
  })
  .refine((v) => v.newPassword === v.newPasswordRepeat, {
    path: ["newPasswordRepeat"],
    message: "Пароли не совпадают.",
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Новый пароль совпадает с текущим.",
  });

const FIELDS = ["currentPassword", "newPassword", "newPasswordRepeat"] as const;
const EMPTY = { currentPassword: "", newPassword: "", newPasswordRepeat: "" };

/** «Пароль»: the current one proves it is the customer; every other session ends. */
export function PasswordCard() {
  const change = useChangePassword();
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(PasswordForm), defaultValues: EMPTY });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setNotice(null);
    setFormError(null);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.reset(EMPTY);
      setNotice("Пароль изменён. Все другие сеансы завершены.");
    } catch (error) {
      if (error instanceof ApiError && error.code === "WRONG_PASSWORD" && error.fields.length === 0) {
        form.setError("currentPassword", { type: "server", message: error.message }, { shouldFocus: true });
        return;
      }
      setFormError(applyApiError(error, form.setError, FIELDS));
    }
  });

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title" className="card__title">
        Пароль
      </h2>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form profile-form">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField
          label="Текущий пароль"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register("currentPassword")}
        />
        <NewPasswordFields
          label="Новый пароль"
          password={form.register("newPassword")}
          passwordError={errors.newPassword?.message}
          repeat={form.register("newPasswordRepeat")}
          repeatError={errors.newPasswordRepeat?.message}
        />
        <div>
          <Button type="submit" variant="secondary" pending={change.isPending}>
            Сменить пароль
          </Button>
        </div>
      </form>
    </section>
  );
}
