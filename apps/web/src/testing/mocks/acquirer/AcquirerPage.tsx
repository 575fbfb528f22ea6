import { CardInput } from "@lk/contract/payments";
import { type AcquirerPayment, formatKopecks, pageDone, SECURE_CODE, TEST_CARDS_HINT } from "@lk/domain";
import { type FormEvent, useState } from "react";
import { acquirerEntry, acquirerPage } from "../mock-acquirer.ts";
import "./acquirer-page.css";

// The simulated acquirer's page in mock mode (the mock build shows it at /acquirer/pay/<ref>
// instead of the app): the same fields, words and steps as the API's server-rendered page
// (apps/api/src/acquirer/page-html.ts), over the mock's acquirer (mock-acquirer.ts).

const what = (p: AcquirerPayment) =>
  p.kind === "BINDING" ? "Привязка карты для автоплатежа" : "Оплата электроэнергии";
const fieldsOf = (event: FormEvent<HTMLFormElement>) =>
  Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)]));

export function AcquirerPage({ gatewayRef }: { gatewayRef: string }) {
  const [entry, setEntry] = useState(() => acquirerEntry(gatewayRef));
  const [error, setError] = useState<string | undefined>();

  if (!entry) {
    return (
      <main className="acquirer">
        <h1>Платёж не найден</h1>
        <p>Ссылка на оплату неверна или устарела.</p>
        <p>
          <a href="/">Вернуться в личный кабинет</a>
        </p>
      </main>
    );
  }
  const after = (step: { entry: AcquirerPayment; error?: string } | null) => {
    if (!step) return;
    if (pageDone(step.entry)) {
      window.location.assign(step.entry.returnUrl);
      return;
    }
    setEntry(step.entry);
    setError(step.error);
  };
  const onCard = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const card = CardInput.safeParse(fieldsOf(event));
    if (!card.success) setError(card.error.issues.map((issue) => issue.message).join(" "));
    else after(acquirerPage.enterCard(gatewayRef, card.data));
  };
  const onCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    after(acquirerPage.confirmCode(gatewayRef, fieldsOf(event).code ?? ""));
  };
  const cancel = (
    <button className="acquirer__link" type="button" onClick={() => after(acquirerPage.cancel(gatewayRef))}>
      Отменить и вернуться в личный кабинет
    </button>
  );
  const alert = error ? (
    <p className="acquirer__alert" role="alert">
      {error}
    </p>
  ) : null;

  return (
    <main className="acquirer">
      <p className="acquirer__note">Демо-эквайер · получатель: Личный кабинет</p>
      <h1>{what(entry)}</h1>
      {entry.kind === "PAYMENT" ? <p className="acquirer__amount">{formatKopecks(entry.amountKopecks)}</p> : null}
      {entry.status === "CREATED" ? (
        <>
          {alert}
          <form onSubmit={onCard} noValidate>
            <label htmlFor="number">Номер карты</label>
            <input id="number" name="number" inputMode="numeric" autoComplete="cc-number" required />
            <div className="acquirer__row">
              <div>
                <label htmlFor="expiry">Срок действия (ММ/ГГ)</label>
                <input id="expiry" name="expiry" autoComplete="cc-exp" placeholder="ММ/ГГ" required />
              </div>
              <div>
                <label htmlFor="cvc">CVC</label>
                <input id="cvc" name="cvc" inputMode="numeric" autoComplete="cc-csc" required />
              </div>
            </div>
            <button type="submit">
              {entry.kind === "BINDING" ? "Привязать карту" : `Оплатить ${formatKopecks(entry.amountKopecks)}`}
            </button>
          </form>
          {cancel}
          <p className="acquirer__note">Демо: {TEST_CARDS_HINT}</p>
        </>
      ) : entry.status === "AWAITING_3DS" ? (
        <>
          <h2>Подтверждение 3-D Secure</h2>
          {alert}
          <p>Банк отправил код на телефон, привязанный к карте {entry.cardMask}.</p>
          <form onSubmit={onCode} noValidate>
            <label htmlFor="code">Код из SMS</label>
            <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
            <button type="submit">Подтвердить</button>
          </form>
          {cancel}
          <p className="acquirer__note">Демо: код {SECURE_CODE}.</p>
        </>
      ) : (
        <>
          <p role="status">
            {entry.status === "SUCCEEDED"
              ? "Оплата прошла."
              : entry.status === "DECLINED"
                ? entry.reason
                : "Банк ещё не ответил."}
          </p>
          <p>
            <a href={entry.returnUrl}>Вернуться в личный кабинет</a>
          </p>
        </>
      )}
    </main>
  );
}

/** The customer's bank app, simulated: an СБП payment to confirm or decline (the API's bankAppPage). */
export function BankAppPage({ gatewayRef }: { gatewayRef: string }) {
  const [entry, setEntry] = useState(() => acquirerEntry(gatewayRef));
  if (entry?.kind !== "SBP") {
    return (
      <main className="acquirer">
        <h1>Платёж не найден</h1>
        <p>Ссылка на оплату неверна или устарела.</p>
      </main>
    );
  }
  const answer = (pay: boolean) => setEntry(acquirerPage.answerInBankApp(gatewayRef, pay)?.entry ?? entry);
  const amount = formatKopecks(entry.amountKopecks);
  return (
    <main className="acquirer">
      <p className="acquirer__note">Демо: приложение вашего банка</p>
      <h1>Оплата по СБП</h1>
      <p className="acquirer__amount">{amount}</p>
      {entry.status === "CREATED" ? (
        <>
          <p>Получатель: Личный кабинет (оплата электроэнергии)</p>
          <button type="button" onClick={() => answer(true)}>
            Оплатить {amount}
          </button>
          <button className="acquirer__link" type="button" onClick={() => answer(false)}>
            Отклонить
          </button>
        </>
      ) : (
        <p role="status">
          {entry.status === "SUCCEEDED"
            ? "Оплата прошла. Вернитесь в личный кабинет: платёж уже там."
            : (entry.reason ?? "Платёж отклонён.")}
        </p>
      )}
    </main>
  );
}
