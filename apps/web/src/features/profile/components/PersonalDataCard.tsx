import { zodResolver } from "@hookform/resolvers/zod";
import { FullName } from "@lk/contract/fields";
import type { Profile } from "@lk/contract/profile";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { applyApiError } from "../../../lib/form-errors.ts";
import { useUpdateProfile } from "../api/update-profile.ts";

const NameForm = z.object({ fullName: FullName });

/** «Личные данные»: the name, and the newsletter consent (saved as soon as it is ticked). */
export function PersonalDataCard({ profile }: { profile: Profile }) {
  const saveName = useUpdateProfile();
  const saveNewsletter = useUpdateProfile();
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(NameForm), defaultValues: { fullName: profile.fullName } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ fullName }) => {
    setNotice(null);
    setFormError(null);
    try {
      const saved = await saveName.mutateAsync({ fullName });
      form.reset({ fullName: saved.fullName });
      setNotice("ФИО сохранено.");
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ["fullName"]));
    }
  });

  const newsletter = saveNewsletter.isPending ? Boolean(saveNewsletter.variables?.newsletter) : profile.newsletter;
  const toggleNewsletter = (checked: boolean) => {
    setNotice(null);
    setFormError(null);
    saveNewsletter.mutate(
      { newsletter: checked },
      {
        onSuccess: (saved) =>
          setNotice(
            saved.newsletter
              ? "Вы подписались на рекламно-информационную рассылку."
              : "Вы отказались от рекламно-информационной рассылки.",
          ),
        onError: (error) => setFormError(error.message),
      },
    );
  };

  return (
    <section className="card" aria-labelledby="personal-title">
      <h2 id="personal-title" className="card__title">
        Личные данные
      </h2>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form profile-form">
        <TextField label="ФИО" autoComplete="name" error={errors.fullName?.message} {...form.register("fullName")} />
        <div>
          <Button type="submit" variant="secondary" pending={saveName.isPending}>
            Сохранить ФИО
          </Button>
        </div>
      </form>
      <label className="check-field profile-newsletter">
        <input
          type="checkbox"
          checked={newsletter}
          disabled={saveNewsletter.isPending}
          onChange={(event) => toggleNewsletter(event.target.checked)}
        />
        Получать рекламно-информационную рассылку
      </label>
    </section>
  );
}
