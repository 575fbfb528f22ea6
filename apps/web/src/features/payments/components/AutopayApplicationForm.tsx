import { zodResolver } from "@hookform/resolvers/zod";
import type { AutoPaymentState } from "@lk/contract/payments";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { applyApiError } from "../../../lib/form-errors.ts";
import { useApplyAutoPayment } from "../api/apply-autopayment.ts";
import { AutopayForm, type AutopayFormOutput, type AutopayFormValues } from "../payment-forms.ts";

interface Props {
  accountId: string;
  termsVersion: string;
  defaultEmail: string;
  onBack: () => void;
  onApplied: (state: AutoPaymentState) => void;
  /** The terms changed while the customer read them: back to step 1, with the server's words. */
  onTermsChanged: (message: string) => void;
}

/**
 * Step 2 of «Подключение автоплатежа»: the most a single charge may take and where receipts go;
 * then the acquirer's page, where the card is bound.
 */
export function AutopayApplicationForm({
  accountId,
  termsVersion,
  defaultEmail,
  onBack,
  onApplied,
  onTermsChanged,
}: Props) {
  const apply = useApplyAutoPayment(accountId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AutopayFormValues, unknown, AutopayFormOutput>({
    resolver: zodResolver(AutopayForm),
    defaultValues: { maxAmount: "", receiptEmail: defaultEmail },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ maxAmount, receiptEmail }) => {
    setFormError(null);
    try {
      const { confirmationUrl: _, ...state } = await apply.mutateAsync({
        termsVersion,
        termsAccepted: true,
        maxAmountKopecks: maxAmount,
        receiptEmail,
      });
      onApplied(state);
    } catch (error) {
      if (error instanceof ApiError && error.code === "TERMS_CHANGED") {
        onTermsChanged(error.message);
        return;
      }
      setFormError(
        applyApiError(error, form.setError, ["maxAmount", "receiptEmail"], {
          maxAmountKopecks: "maxAmount",
        }),
      );
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form autopay-form">
      <p className="dialog__lead">
        Шаг 2 из 2: заявление. Карту вы привяжете на странице банка: личный кабинет получит только её маску.
      </p>
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        label="Максимальная сумма списания, ₽"
        inputMode="decimal"
        autoComplete="off"
        hint="От 100 до 100 000 ₽. Счёт больше этой суммы не оплачивается автоматически: мы сообщим о нём."
        error={errors.maxAmount?.message}
        {...form.register("maxAmount")}
      />
      <TextField
        label="E-mail для чеков"
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.receiptEmail?.message}
        {...form.register("receiptEmail")}
      />
      <div className="dialog__actions dialog__actions--split">
        <Button variant="secondary" onClick={onBack}>
          Назад
        </Button>
        <Button type="submit" pending={apply.isPending || apply.isSuccess}>
          Подать заявление и привязать карту
        </Button>
      </div>
    </form>
  );
}
