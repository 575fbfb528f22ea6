import type { BillDelivery, Profile } from "@lk/contract/profile";
import { useId, useState } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useSetBillDelivery } from "../api/set-bill-delivery.ts";

interface Props {
  delivery: BillDelivery;
  profile: Profile;
  /** What just happened to this account's delivery. */
  notice: string | null;
  confirmPending: boolean;
  confirmError: string | null;
  onNotice: (text: string | null) => void;
  onConfirmEmail: () => void;
  /** «Вернуть бумажную квитанцию»: asks first. */
  onPaper: () => void;
}

/** One account: how its bills come now, and the switch to the other way. */
export function BillDeliveryItem({
  delivery,
  profile,
  notice,
  confirmPending,
  confirmError,
  onNotice,
  onConfirmEmail,
  onPaper,
}: Props) {
  const toEmail = useSetBillDelivery();
  const [needsConfirmation, setNeedsConfirmation] = useState(false);
  const titleId = useId();
  const byEmail = delivery.method === "EMAIL";
  // Confirmed since the customer was asked: the explanation has done its job.
  const explain = needsConfirmation && !profile.emailConfirmed;

  const switchToEmail = () => {
    onNotice(null);
    if (!profile.emailConfirmed) {
      setNeedsConfirmation(true);
      return;
    }
    toEmail.mutate(
      { accountId: delivery.accountId, method: "EMAIL" },
      {
        onSuccess: (saved) =>
          onNotice(
            `Счёт будет приходить на ${saved.email ?? profile.email}. Бумажная квитанция по этому счёту больше не доставляется.`,
          ),
        onError: (error) => {
          if (error instanceof ApiError && error.code === "EMAIL_NOT_CONFIRMED") setNeedsConfirmation(true);
        },
      },
    );
  };

  const failure =
    toEmail.error instanceof ApiError && toEmail.error.code === "EMAIL_NOT_CONFIRMED" ? null : toEmail.error;
  return (
    <li className="bill-delivery__item">
      <article aria-labelledby={titleId}>
        <div className="bill-delivery__account">
          <h3 id={titleId} className="bill-delivery__number">
            Лицевой счёт № {delivery.number}
          </h3>
          <span className="bill-delivery__address">{delivery.shortAddress}</span>
        </div>
        <p className="bill-delivery__method">
          {byEmail ? (
            <>
              <span className="tag tag--success">по e-mail</span> Счёт приходит на {delivery.email}. Бумажная квитанция
              по этому счёту больше не доставляется.
            </>
          ) : (
            <>
              <span className="tag">на бумаге</span> Счёт приходит бумажной квитанцией по почте.
            </>
          )}
        </p>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {failure ? <Alert>{failure.message}</Alert> : null}
        {needsConfirmation && profile.emailConfirmed && !byEmail ? (
          <Alert tone="success">
            Адрес {profile.email} подтверждён. Нажмите «Получать по e-mail», чтобы счёт приходил на него.
          </Alert>
        ) : null}
        {explain ? (
          <div className="bill-delivery__confirm">
            <Alert tone="info">
              Чтобы получать счёт по e-mail, подтвердите адрес {profile.email}: мы отправим на него код.
            </Alert>
            {confirmError ? <Alert>{confirmError}</Alert> : null}
            <Button pending={confirmPending} onClick={onConfirmEmail}>
              Подтвердить e-mail
            </Button>
          </div>
        ) : null}
        <div className="bill-delivery__actions">
          {byEmail ? (
            <Button variant="secondary" onClick={onPaper}>
              Вернуть бумажную квитанцию
            </Button>
          ) : (
            <Button variant="secondary" pending={toEmail.isPending} onClick={switchToEmail}>
              Получать по e-mail
            </Button>
          )}
        </div>
      </article>
    </li>
  );
}
