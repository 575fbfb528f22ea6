import type { AccountDetails } from "@lk/contract/accounts";
import { type ServiceRequest, serviceRequestKinds } from "@lk/contract/requests";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { TextAreaField } from "../../../components/ui/TextAreaField.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useCreateRequest } from "../api/create-request.ts";
import { factsOfKind } from "../change-format.ts";
import {
  addFiles,
  type ChosenFiles,
  emptyRequestForm,
  type FormErrors,
  formFieldOf,
  type RequestFormValues,
  uploadsOf,
  validateRequest,
} from "../request-form.ts";
import { ChangeFields } from "./ChangeFields.tsx";
import { DocumentSlots } from "./DocumentSlots.tsx";
import { ServiceChoice } from "./ServiceChoice.tsx";

interface Props {
  account: AccountDetails;
  onCreated: (request: ServiceRequest) => void;
  /** What the form starts with, e.g. «Сменить тариф» from the tariff comparison. */
  initial?: Partial<RequestFormValues> | undefined;
}

const without = (errors: FormErrors, key: string): FormErrors => {
  const { [key]: _, ...rest } = errors;
  return rest;
};

/** A refusal that belongs to no field, in words that say what to do. */
function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return "Что-то пошло не так. Повторите попытку.";
  if (error.code === "PAYLOAD_TOO_LARGE") return "Файлы вместе слишком большие. Уберите часть файлов или уменьшите их.";
  if (error.code === "REQUEST_EXISTS") return `${error.message} Дождитесь решения по ней: статус виден в «Мои заявки».`;
  return error.message;
}

/** «Изменить»: the service, its new values, the documents, a comment → «Отправить заявку». */
export function RequestForm({ account, onCreated, initial }: Props) {
  const create = useCreateRequest(account.id);
  const [values, setValues] = useState<RequestFormValues>({ ...emptyRequestForm, ...initial });
  const [files, setFiles] = useState<ChosenFiles>({});
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const { kind } = values;

  // After a refused submit, the first field to fix gets the focus (its error is read out with it).
  useEffect(() => {
    if (!focusRequest) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .service-choice.field--invalid input')?.focus();
  }, [focusRequest]);

  const set = (key: keyof RequestFormValues, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => without(e, key));
  };

  function refuse(next: FormErrors, message: string | null) {
    setErrors(next);
    setFormError(message);
    setFocusRequest((n) => n + 1);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const checked = validateRequest(values, files, account);
    if (checked.errors || !kind) return refuse(checked.errors ?? {}, null);
    try {
      onCreated(await create.mutateAsync({ body: checked.body, files: uploadsOf(kind, files) }));
    } catch (error) {
      // Everything typed and chosen stays: only the messages change.
      const known = new Set<string>([
        "kind",
        "comment",
        ...factsOfKind[kind],
        ...serviceRequestKinds[kind].documents.map((d) => d.slot),
      ]);
      const fields = error instanceof ApiError ? error.fields : [];
      const next: FormErrors = {};
      for (const field of fields)
        if (known.has(formFieldOf(field.path))) next[formFieldOf(field.path)] ??= field.message;
      const placed = fields.length > 0 && fields.every((f) => known.has(formFieldOf(f.path)));
      refuse(next, placed ? "Заявка не отправлена. Исправьте отмеченное ниже." : messageOf(error));
    }
  }

  return (
    <form ref={formRef} className="form request-form" noValidate onSubmit={onSubmit}>
      {formError ? <Alert>{formError}</Alert> : null}
      <ServiceChoice value={kind} error={errors.kind} onChange={(next) => set("kind", next)} />
      {kind ? (
        <>
          <ChangeFields
            kind={kind}
            values={values}
            current={account}
            meters={account.meters}
            errors={errors}
            onChange={set}
          />
          <DocumentSlots
            slots={serviceRequestKinds[kind].documents}
            files={files}
            errors={errors}
            onAdd={(slot, added) => {
              const result = addFiles(files, slot, added, kind);
              setFiles(result.files);
              setErrors((e) => (result.error ? { ...e, [slot]: result.error } : without(e, slot)));
            }}
            onRemove={(slot, file) => {
              setFiles((f) => ({ ...f, [slot]: (f[slot] ?? []).filter((chosen) => chosen !== file) }));
              setErrors((e) => without(e, slot));
            }}
          />
        </>
      ) : null}
      <TextAreaField
        label="Комментарий"
        hint="По желанию: что ещё важно знать оператору. До 1000 символов."
        maxLength={1000}
        value={values.comment}
        error={errors.comment}
        onChange={(event) => set("comment", event.target.value)}
      />
      <div className="request-form__actions">
        <Button type="submit" pending={create.isPending}>
          Отправить заявку
        </Button>
        <Link to={`/accounts/${account.id}`} className="button button--ghost">
          Отмена
        </Link>
      </div>
    </form>
  );
}
