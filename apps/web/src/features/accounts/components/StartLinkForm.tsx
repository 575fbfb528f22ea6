import { zodResolver } from "@hookform/resolvers/zod";
import { StartLinkBody, type StartLinkResult } from "@lk/contract/accounts";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { SelectField } from "../../../components/ui/SelectField.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { applyApiError } from "../../../lib/form-errors.ts";
import { useSuppliers } from "../api/get-suppliers.ts";
import { useStartLink } from "../api/start-link.ts";
import { linkErrorMessage, needsConfirmedContact } from "../link-errors.ts";
import { LinkErrorAlert, type LinkFormError } from "./LinkErrorAlert.tsx";

export interface StartValues {
  supplierId: string;
  accountNumber: string;
}

interface Props {
  /** What the customer typed before «Назад», so going back loses nothing. */
  defaultValues: StartValues;
  onStarted: (values: StartValues, challenge: StartLinkResult) => void;
  /** The customer follows a link out of the dialog (to the profile). */
  onLeave: () => void;
}

/** Step 1 of «Добавить лицевой счёт»: the supplier and the account number from the bill. */
export function StartLinkForm({ defaultValues, onStarted, onLeave }: Props) {
  const suppliers = useSuppliers();
  const startLink = useStartLink();
  const [formError, setFormError] = useState<LinkFormError | null>(null);
  const form = useForm({ resolver: zodResolver(StartLinkBody), defaultValues });
  const { errors } = form.formState;
  const supplier = suppliers.data?.suppliers.find((s) => s.id === form.watch("supplierId"));

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onStarted(form.getValues(), await startLink.mutateAsync(values));
    } catch (error) {
      const text = linkErrorMessage(error) ?? applyApiError(error, form.setError, ["supplierId", "accountNumber"]);
      setFormError(text ? { text, toProfile: needsConfirmedContact(error) } : null);
    }
  });

  if (suppliers.isPending) return <Spinner label="Загружаем список поставщиков…" />;
  if (suppliers.isError) {
    return (
      <>
        <Alert>Не удалось загрузить список поставщиков. {suppliers.error.message}</Alert>
        <Button variant="secondary" onClick={() => suppliers.refetch()}>
          Повторить
        </Button>
      </>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <p className="dialog__lead">Номер лицевого счёта и поставщик указаны в квитанции за электроэнергию.</p>
      {formError ? <LinkErrorAlert error={formError} onLeave={onLeave} /> : null}
      <SelectField
        label="Поставщик"
        autoFocus
        data-autofocus
        error={errors.supplierId?.message}
        {...form.register("supplierId")}
      >
        <option value="">Выберите поставщика</option>
        {suppliers.data.suppliers.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Номер лицевого счёта"
        hint={
          supplier
            ? `${supplier.accountNumberHint}, например ${supplier.accountNumberExample}`
            : "Сначала выберите поставщика: у каждого свой формат номера."
        }
        autoComplete="off"
        spellCheck={false}
        error={errors.accountNumber?.message}
        {...form.register("accountNumber")}
      />
      <div className="dialog__actions">
        <Button type="submit" pending={startLink.isPending}>
          Подключить
        </Button>
      </div>
    </form>
  );
}
