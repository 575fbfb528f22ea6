import type { BillDelivery, Profile } from "@lk/contract/profile";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { QueryFailed } from "../../../components/QueryFailed.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { useBillDelivery } from "../api/get-bill-delivery.ts";
import { BillDeliveryItem } from "./BillDeliveryItem.tsx";
import { PaperDeliveryDialog } from "./PaperDeliveryDialog.tsx";

interface Props {
  profile: Profile;
  confirmPending: boolean;
  /** Why the code for the current e-mail could not be sent (when asked for from here). */
  confirmError: string | null;
  onConfirmEmail: () => void;
}

/** SPEC §8 «Получение счёта по e-mail»: paper or e-mail per linked account; e-mail stops paper. */
export function BillDeliveryCard({ profile, confirmPending, confirmError, onConfirmEmail }: Props) {
  const list = useBillDelivery();
  const [backToPaper, setBackToPaper] = useState<BillDelivery | null>(null);
  const [notice, setNotice] = useState<{ accountId: string; text: string } | null>(null);

  let body: ReactNode;
  if (list.isPending) {
    body = <Spinner label="Загружаем способы получения счетов…" />;
  } else if (list.isError) {
    body = <QueryFailed what="Не удалось загрузить способы получения счетов." query={list} />;
  } else if (list.data.accounts.length === 0) {
    body = (
      <p className="empty-state bill-delivery__empty">
        Лицевые счета пока не подключены. <Link to="/">Подключите лицевой счёт</Link>, и здесь можно будет выбрать,
        получать счёт на бумаге или по e-mail.
      </p>
    );
  } else {
    body = (
      <ul className="bill-delivery">
        {list.data.accounts.map((delivery) => (
          <BillDeliveryItem
            key={delivery.accountId}
            delivery={delivery}
            profile={profile}
            notice={notice?.accountId === delivery.accountId ? notice.text : null}
            confirmPending={confirmPending}
            confirmError={confirmError}
            onNotice={(text) => setNotice(text ? { accountId: delivery.accountId, text } : null)}
            onConfirmEmail={onConfirmEmail}
            onPaper={() => setBackToPaper(delivery)}
          />
        ))}
      </ul>
    );
  }

  return (
    <section className="card" aria-labelledby="bill-delivery-title">
      <h2 id="bill-delivery-title" className="card__title">
        Получение счёта по e-mail
      </h2>
      <p className="card__muted">
        Счёт по e-mail приходит на подтверждённый адрес; бумажная квитанция по такому счёту больше не доставляется.
      </p>
      {body}
      <PaperDeliveryDialog
        delivery={backToPaper}
        onClose={() => setBackToPaper(null)}
        onDone={(saved) => {
          setBackToPaper(null);
          setNotice({ accountId: saved.accountId, text: "Счёт снова будет приходить на бумаге по почте." });
        }}
      />
    </section>
  );
}
