import type { AutoPayment } from "@lk/contract/payments";
import { formatKopecks } from "@lk/domain";
import { type ReactNode, useRef, useState } from "react";
import { QueryFailed } from "../../../components/QueryFailed.tsx";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { formatMoscowDate } from "../../../lib/dates.ts";
import { useDeferredQuery } from "../../../lib/deferred-query.ts";
import { useBindAutoPaymentCard } from "../api/apply-autopayment.ts";
import { useAutoPayment } from "../api/get-autopayment.ts";
import { AnnulAutopayDialog, DisableAutopayDialog } from "./AutopayStopDialogs.tsx";
import { ConnectAutopayDialog } from "./ConnectAutopayDialog.tsx";

const details = (a: AutoPayment) =>
  `${a.cardMask ? `Карта ${a.cardMask}, не` : "Не"} больше ${formatKopecks(a.maxAmountKopecks)} за списание, чеки на ${a.receiptEmail}.`;

/** The state in plain words: what the service does now, and what happens next. */
function describe(current: AutoPayment | null): string {
  if (!current) {
    return "Автоплатёж не подключён. Каждый новый счёт будет оплачиваться автоматически с вашей карты.";
  }
  if (current.status === "AWAITING_CARD") {
    return `Заявление ждёт карту: привяжите её на странице банка, и автоплатёж начнёт работать с ближайшего счёта. ${details(current)}`;
  }
  if (current.status === "APPLIED") {
    return `Заявление принято ${formatMoscowDate(current.appliedAt)}: автоплатёж начнёт работать с ближайшего счёта. ${details(current)}`;
  }
  const since = formatMoscowDate(current.activatedAt ?? current.appliedAt);
  return `Автоплатёж подключён с ${since}: каждый новый счёт оплачивается автоматически. ${details(current)}`;
}

interface Props {
  accountId: string;
  /** The customer's e-mail, offered for receipts (the app takes it from the session). */
  defaultEmail: string;
}

/** SPEC §7 «Автоплатеж»: «Подключить», or «Аннулировать» an application, or «Отключить» the service. */
export function AutopayCard({ accountId, defaultEmail }: Props) {
  const state = useDeferredQuery(useAutoPayment(accountId));
  const bind = useBindAutoPaymentCard(accountId);
  const [dialog, setDialog] = useState<"connect" | "annul" | "disable" | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // The button that opened the dialog is gone after it: the customer lands on the card's new state.
  const done = () => {
    setDialog(null);
    titleRef.current?.focus();
  };

  const data = state.data;
  const current = data?.current ?? null;
  let body: ReactNode;
  if (state.isPending) {
    body = <Spinner label="Загружаем сведения об автоплатеже…" />;
  } else if (state.isError) {
    body = <QueryFailed what="Не удалось загрузить сведения об автоплатеже." query={state} />;
  } else {
    body = (
      <>
        <p className="autopay-card__state">{describe(current)}</p>
        {current?.status === "ACTIVE" && current.lastNotice ? <Alert tone="info">{current.lastNotice}</Alert> : null}
        {current?.status === "AWAITING_CARD" && current.lastNotice ? <Alert>{current.lastNotice}</Alert> : null}
        {bind.isError ? <Alert>Не удалось открыть страницу банка. {bind.error.message}</Alert> : null}
      </>
    );
  }

  return (
    <section className="card autopay-card" aria-labelledby="autopay-title">
      <div className="card__head">
        <h2 id="autopay-title" className="card__title" ref={titleRef} tabIndex={-1}>
          Автоплатеж
        </h2>
        {current?.status === "ACTIVE" ? <span className="tag tag--success">подключён</span> : null}
        {current?.status === "APPLIED" ? <span className="tag tag--info">заявление принято</span> : null}
        {current?.status === "AWAITING_CARD" ? <span className="tag tag--info">ждёт карту</span> : null}
      </div>
      {/* The new state is read out after «Подать заявление», «Аннулировать» or «Отключить». */}
      <div aria-live="polite">{body}</div>
      {data ? (
        <div className="autopay-card__actions">
          {!current ? <Button onClick={() => setDialog("connect")}>Подключить</Button> : null}
          {current?.status === "AWAITING_CARD" ? (
            <Button pending={bind.isPending || bind.isSuccess} onClick={() => bind.mutate()}>
              Привязать карту
            </Button>
          ) : null}
          {current?.status === "APPLIED" || current?.status === "AWAITING_CARD" ? (
            <Button variant="secondary" onClick={() => setDialog("annul")}>
              Аннулировать
            </Button>
          ) : null}
          {current?.status === "ACTIVE" ? (
            <Button variant="secondary" onClick={() => setDialog("disable")}>
              Отключить
            </Button>
          ) : null}
        </div>
      ) : null}
      {data ? (
        <ConnectAutopayDialog
          open={dialog === "connect"}
          accountId={accountId}
          terms={data.terms}
          defaultEmail={defaultEmail}
          onClose={() => setDialog(null)}
          onApplied={done}
        />
      ) : null}
      <AnnulAutopayDialog
        open={dialog === "annul"}
        accountId={accountId}
        current={current}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <DisableAutopayDialog
        open={dialog === "disable"}
        accountId={accountId}
        current={current}
        onClose={() => setDialog(null)}
        onDone={done}
      />
    </section>
  );
}
