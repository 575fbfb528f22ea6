import type { Payment } from "@lk/contract/payments";
import { formatKopecks } from "@lk/domain";
import { useMemo } from "react";
import { renderSVG } from "uqr";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { formatMoscowTime } from "../../../lib/dates.ts";
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
 * «Оплата через СБП»: the QR code to scan with a phone (a computer's screen) and the link that
 * opens the bank's app (a phone's screen) while the bank has not answered; PaymentResult asks
 * every 2 s and shows «Зачислен» or the decline (the link's 15 minutes over among them).
 */
export function SbpPayment({ link, expiresAt, ...result }: Props) {
  const href = useMemo(() => new URL(link, window.location.origin).href, [link]);
  const qr = useMemo(() => `data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(href, { border: 2 }))}`, [href]);
  return (
    <PaymentResult
      {...result}
      waiting={
        <div className="sbp">
          <p className="dialog__lead">
            {formatKopecks(result.payment.amountKopecks)} через Систему быстрых платежей. Отсканируйте QR-код камерой
            телефона или в приложении банка и подтвердите оплату.
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
      }
    />
  );
}
