import { zodResolver } from "@hookform/resolvers/zod";
import type { PaymentStarted } from "@lk/contract/payments";
import { formatKopecks, parseRubles } from "@lk/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { applyApiError } from "../../../lib/form-errors.ts";
import { RETRYING } from "../../../lib/query-client.ts";
import { paymentQueryOptions } from "../api/get-payment.ts";
import { goToAcquirer, usePay, usePaymentOutcome } from "../api/pay.ts";
import { amountDue, PayForm, type PayFormValues } from "../payment-forms.ts";
import { PaymentResult } from "./PaymentResult.tsx";
import { SbpPayment } from "./SbpPayment.tsx";

interface Props {
  accountId: string;
  balanceKopecks: number;
  /** The acquirer's page sent the customer back with this payment: show what became of it. */
  returnedPaymentId?: string | null;
  onAccepted?: () => unknown;
  onClose: () => void;
}

function amountHint(balanceKopecks: number): string {
  return balanceKopecks > 0
    ? `К оплате по лицевому счёту: ${formatKopecks(balanceKopecks)}. Можно внести и другую сумму.`
    : "Задолженности нет: внесённая сумма пойдёт в счёт будущих начислений.";
}

/**
 * The amount, then the acquirer's page. One idempotency key per attempt: a retry after a lost
 * answer or a double click sends the same key and gets the same payment and page; only «Попробовать
 * ещё раз» after a decline starts a new attempt with a new key.
 */
function AmountForm({
  accountId,
  balanceKopecks,
  onAccepted,
  onSbp,
}: Props & { onSbp: (started: PaymentStarted) => void }) {
  const [attemptKey] = useState(() => crypto.randomUUID());
  const [method, setMethod] = useState<"CARD" | "SBP">("CARD");
  const [leaving, setLeaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const pay = usePay(accountId, { onAccepted });
  const form = useForm<PayFormValues, unknown, { amount: number }>({
    resolver: zodResolver(PayForm),
    defaultValues: { amount: amountDue(balanceKopecks) },
  });
  const { errors } = form.formState;
  const typed = parseRubles(useWatch({ control: form.control, name: "amount" }) ?? "");

  const onSubmit = form.handleSubmit(async ({ amount }) => {
    setFormError(null);
    try {
      const started = await pay.mutateAsync({ idempotencyKey: attemptKey, amountKopecks: amount, method });
      if (method === "SBP") onSbp(started);
      else if (goToAcquirer(started.confirmationUrl)) setLeaving(true);
      else setFormError("Не удалось открыть страницу банка. Повторите попытку позже.");
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ["amount"], { amountKopecks: "amount" }));
    }
  });

  if (leaving) {
    return (
      <p className="payment-result__wait" role="status">
        <Spinner label="Открываем страницу банка…" /> Открываем страницу банка…
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="form pay-form">
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        label="Сумма, ₽"
        inputMode="decimal"
        autoComplete="off"
        hint={amountHint(balanceKopecks)}
        error={errors.amount?.message}
        data-autofocus
        autoFocus
        {...form.register("amount")}
      />
      <fieldset className="pay-method">
        <legend className="field__label">Способ оплаты</legend>
        <label className="check-field">
          <input type="radio" name="method" checked={method === "CARD"} onChange={() => setMethod("CARD")} />
          Банковская карта
        </label>
        <label className="check-field">
          <input type="radio" name="method" checked={method === "SBP"} onChange={() => setMethod("SBP")} />
          СБП (по QR-коду)
        </label>
      </fieldset>
      <p className="pay-form__demo">
        {method === "CARD"
          ? "Данные карты вы введёте на защищённой странице банка (с подтверждением 3-D Secure): личный кабинет их не получает и не хранит. После оплаты банк вернёт вас сюда."
          : "Мы покажем QR-код Системы быстрых платежей: оплата подтверждается в приложении вашего банка, комиссии нет."}
      </p>
      {pay.isPending && pay.failureCount > 0 ? (
        <p className="alert alert--info" role="status">
          {RETRYING}
        </p>
      ) : null}
      <div className="dialog__actions">
        <Button type="submit" pending={pay.isPending}>
          {`${method === "SBP" ? "Показать QR-код" : "Перейти к оплате"}${typed !== null && typed > 0 ? ` ${formatKopecks(typed)}` : ""}`}
        </Button>
      </div>
    </form>
  );
}

/** Back from the acquirer's page: the payment as the portal knows it, asked again while «в обработке». */
function Returned({ props, paymentId, onRetry }: { props: Props; paymentId: string; onRetry: () => void }) {
  const settled = usePaymentOutcome(props.accountId, props.onAccepted);
  const { data, isError } = useQuery(paymentQueryOptions(props.accountId, paymentId));
  if (isError) return <Alert>Не удалось узнать, что с платежом. Он появится в «История» → «Оплаты».</Alert>;
  if (!data) return <Spinner label="Узнаём, что с платежом…" />;
  return (
    <PaymentResult
      accountId={props.accountId}
      payment={data}
      onSettled={settled}
      onDone={props.onClose}
      onRetry={onRetry}
    />
  );
}

function PayFlow(props: Props) {
  const [returned, setReturned] = useState(props.returnedPaymentId ?? null);
  const [sbp, setSbp] = useState<PaymentStarted | null>(null);
  const settled = usePaymentOutcome(props.accountId, props.onAccepted);
  if (returned) return <Returned props={props} paymentId={returned} onRetry={() => setReturned(null)} />;
  if (sbp) {
    return (
      <SbpPayment
        accountId={props.accountId}
        payment={sbp.payment}
        link={sbp.confirmationUrl}
        expiresAt={sbp.sbpExpiresAt ?? sbp.payment.paidAt}
        onSettled={settled}
        onDone={props.onClose}
        onRetry={() => setSbp(null)}
      />
    );
  }
  return <AmountForm {...props} onSbp={setSbp} />;
}

/** «Оплатить»: the amount due (or another), the acquirer's page, and the bank's answer on return. */
export function PayDialog({ open, ...props }: Props & { open: boolean }) {
  return (
    <Dialog open={open} onClose={props.onClose} title="Оплата">
      <PayFlow {...props} />
    </Dialog>
  );
}
