import type { Payment } from "@lk/contract/payments";
import { formatKopecks } from "@lk/domain";
import { type ReactNode, useEffect, useRef } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { usePaymentUntilSettled } from "../api/get-payment.ts";

interface Props {
  accountId: string;
  payment: Payment;
  /** The bank answered after the payment was made: what the answer changes must be shown again. */
  onSettled: (payment: Payment) => unknown;
  onDone: () => void;
  onRetry: () => void;
  /** What to show while the bank has not answered, instead of the usual words (СБП shows its QR code). */
  waiting?: ReactNode;
}

/** What became of the payment; one «В обработке» is asked about every 2 s until the bank answers. */
export function PaymentResult({ accountId, payment, onSettled, onDone, onRetry, waiting }: Props) {
  const { data: current } = usePaymentUntilSettled(accountId, payment);
  const wasProcessing = useRef(payment.status === "PROCESSING");
  const processingRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (wasProcessing.current && current.status !== "PROCESSING") {
      wasProcessing.current = false;
      void onSettled(current);
    }
  }, [current, onSettled]);

  useEffect(() => {
    // The form's button is gone: the customer should land on what happened, not on the page's top.
    if (current.status === "PROCESSING") processingRef.current?.focus();
  }, [current.status]);

  const amount = formatKopecks(current.amountKopecks);
  switch (current.status) {
    case "PROCESSING":
      return (
        <div className="payment-result" ref={processingRef} tabIndex={-1}>
          {waiting ?? (
            <>
              <Alert tone="info">
                Платёж в обработке: банк ещё не ответил. Мы обновим статус, как только придёт ответ.
              </Alert>
              <p className="payment-result__wait">
                <Spinner label="Ждём ответа банка…" /> Окно можно закрыть: платёж появится в «История» → «Оплаты».
              </p>
            </>
          )}
        </div>
      );
    case "ACCEPTED":
      return (
        <div className="payment-result">
          <Alert tone="success">Платёж зачислен: {amount}.</Alert>
          <div className="dialog__actions">
            <Button onClick={onDone} autoFocus>
              Готово
            </Button>
          </div>
        </div>
      );
    case "DECLINED":
      return (
        <div className="payment-result">
          <Alert>
            Платёж на {amount} не прошёл. {current.declineReason ?? "Банк отклонил платёж."} Деньги не списаны.
          </Alert>
          <div className="dialog__actions">
            <Button onClick={onRetry} autoFocus>
              Попробовать ещё раз
            </Button>
          </div>
        </div>
      );
    case "REFUNDED":
      return (
        <div className="payment-result">
          <Alert tone="info">Платёж на {amount} возвращён на карту.</Alert>
          <div className="dialog__actions">
            <Button onClick={onDone} autoFocus>
              Готово
            </Button>
          </div>
        </div>
      );
  }
}
