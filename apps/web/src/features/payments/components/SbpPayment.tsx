import type { Payment } from "@lk/contract/payments";
import { formatKopecks } from "@lk/domain";
import { useEffect, useMemo, useRef } from "react";
import { renderSVG } from "uqr";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { formatMoscowTime } from "../../../lib/dates.ts";
import { usePaymentUntilSettled } from "../api/get-payment.ts";
import { PaymentResult } from "./PaymentResult.tsx";

interface Props {
  accountId: string;
  payment: Payment;
  /** The payment link: a QR code on a computer, «Открыть в приложении банка» on a phone. */
  link: string;
  expiresAt: string;
  onSettled: (payment: Payment) => unknown;
  onDone: () => void;
  onRetry: () => void;
}

/**
 * «Оплата через СБП»: the QR code to scan with a phone (a computer's screen), the link that opens
 * the bank's app (a phone's screen), and the payment asked about every 2 s until it is «Зачислен»,
 * declined, or the link expires.
 */
export function SbpPayment({ accountId, payment, link, expiresAt, onSettled, onDone, onRetry }: Props) {
  const { data: current } = usePaymentUntilSettled(accountId, payment);
  const href = useMemo(() => new URL(link, window.location.origin).href, [link]);
  const qr = useMemo(() => `data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(href, { border: 2 }))}`, [href]);
  const answered = useRef(false);

  useEffect(() => {
    if (!answered.current && current.status !== "PROCESSING") {
      answered.current = true;
      void onSettled(current);
    }
  }, [current, onSettled]);

  if (current.status !== "PROCESSING") {
    return (
      <PaymentResult accountId={accountId} payment={current} onSettled={onSettled} onDone={onDone} onRetry={onRetry} />
    );
  }
  return (
    <div className="sbp">
      <p className="dialog__lead">
        {formatKopecks(current.amountKopecks)} через Систему быстрых платежей. Отсканируйте QR-код камерой телефона или
        в приложении банка и подтвердите оплату.
      </p>
      <img className="sbp__qr" src={qr} width={220} height={220} alt="QR-код для оплаты через СБП" />
      <a className="button button--secondary sbp__app" href={href} target="_blank" rel="noopener">
        Открыть в приложении банка
      </a>
      <p className="payment-result__wait" role="status">
        <Spinner label="Ждём подтверждения в приложении банка…" /> Ждём подтверждения в приложении банка. QR-код
        действует до {formatMoscowTime(expiresAt)}.
      </p>
    </div>
  );
}
