import type { AcquirerPayment } from "@lk/domain";
import { formatKopecks, SECURE_CODE, TEST_CARDS_HINT } from "@lk/domain";
import escapeHtml from "escape-html";

// The simulated acquirer's own pages: plain HTML forms, no script, apart from the portal's SPA (a
// real acquirer's page is on its own domain). Russian, labelled fields, one heading per page.

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #eef1f5; color: #1b1f24; }
  main { max-width: 26rem; margin: 2rem auto; background: #fff; border-radius: 12px; padding: 1.5rem 1.75rem; box-shadow: 0 1px 4px #0002; }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  .amount { font-size: 1.6rem; font-weight: 700; margin: .25rem 0 1rem; }
  label { display: block; margin: .9rem 0 .25rem; font-weight: 600; }
  input { font: inherit; width: 100%; box-sizing: border-box; padding: .55rem .7rem; border: 1px solid #6b7480; border-radius: 8px; }
  .row { display: flex; gap: 1rem; } .row > div { flex: 1; }
  button { font: inherit; font-weight: 600; margin-top: 1.25rem; width: 100%; padding: .7rem; border-radius: 8px; border: 0; background: #0b57d0; color: #fff; cursor: pointer; }
  button.link { background: none; color: #0b57d0; text-decoration: underline; margin-top: .5rem; }
  .alert { background: #fde8e8; color: #8a1c1c; padding: .6rem .8rem; border-radius: 8px; }
  .note { color: #4a5360; font-size: .9rem; }
  a { color: #0b57d0; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Демо-эквайер</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

const what = (p: AcquirerPayment) =>
  p.kind === "BINDING" ? "Привязка карты для автоплатежа" : "Оплата электроэнергии";

const heading = (p: AcquirerPayment) =>
  `<p class="note">Демо-эквайер · получатель: Личный кабинет</p><h1>${what(p)}</h1>` +
  (p.kind === "PAYMENT" ? `<p class="amount">${escapeHtml(formatKopecks(p.amountKopecks))}</p>` : "");

const alert = (message?: string) => (message ? `<p class="alert" role="alert">${escapeHtml(message)}</p>` : "");

const cancelForm = (p: AcquirerPayment) =>
  `<form method="post" action="${escapeHtml(`/acquirer/pay/${p.gatewayRef}/cancel`)}"><button class="link" type="submit">Отменить и вернуться в личный кабинет</button></form>`;

export function cardPage(p: AcquirerPayment, error?: string, typed?: { expiry?: string }): string {
  const action = p.kind === "BINDING" ? "Привязать карту" : `Оплатить ${formatKopecks(p.amountKopecks)}`;
  return page(
    what(p),
    `${heading(p)}${alert(error)}
<form method="post" action="${escapeHtml(`/acquirer/pay/${p.gatewayRef}/card`)}" novalidate>
<label for="number">Номер карты</label>
<input id="number" name="number" inputmode="numeric" autocomplete="cc-number" required autofocus>
<div class="row"><div><label for="expiry">Срок действия (ММ/ГГ)</label>
<input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="ММ/ГГ" required value="${escapeHtml(typed?.expiry ?? "")}"></div>
<div><label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required></div></div>
<button type="submit">${escapeHtml(action)}</button>
</form>${cancelForm(p)}
<p class="note">Демо: ${TEST_CARDS_HINT}</p>`,
  );
}

export function codePage(p: AcquirerPayment, error?: string): string {
  return page(
    "Подтверждение 3-D Secure",
    `${heading(p)}<h2>Подтверждение 3-D Secure</h2>${alert(error)}
<p>Банк отправил код на телефон, привязанный к карте ${escapeHtml(p.cardMask ?? "")}.</p>
<form method="post" action="${escapeHtml(`/acquirer/pay/${p.gatewayRef}/code`)}" novalidate>
<label for="code">Код из SMS</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required autofocus>
<button type="submit">Подтвердить</button>
</form>${cancelForm(p)}
<p class="note">Демо: код ${SECURE_CODE}.</p>`,
  );
}

export function donePage(p: AcquirerPayment): string {
  const said =
    p.status === "SUCCEEDED"
      ? p.kind === "BINDING"
        ? "Карта привязана."
        : "Оплата прошла."
      : p.status === "DECLINED"
        ? (p.reason ?? "Банк отклонил операцию.")
        : "Банк ещё не ответил.";
  return page(
    what(p),
    `${heading(p)}<p role="status">${escapeHtml(said)}</p><p><a href="${escapeHtml(p.returnUrl)}">Вернуться в личный кабинет</a></p>`,
  );
}

/** The customer's bank app, simulated: an СБП payment to confirm or decline. */
export function bankAppPage(p: AcquirerPayment): string {
  const amount = escapeHtml(formatKopecks(p.amountKopecks));
  const form = (action: string, label: string, link = false) =>
    `<form method="post" action="${escapeHtml(`/acquirer/sbp/${p.gatewayRef}/${action}`)}"><button${link ? ' class="link"' : ""} type="submit">${label}</button></form>`;
  const body =
    p.status === "CREATED"
      ? `<p>Получатель: Личный кабинет (оплата электроэнергии)</p>${form("pay", `Оплатить ${amount}`)}${form("decline", "Отклонить", true)}`
      : `<p role="status">${escapeHtml(
          p.status === "SUCCEEDED"
            ? "Оплата прошла. Вернитесь в личный кабинет: платёж уже там."
            : (p.reason ?? "Платёж отклонён."),
        )}</p>`;
  return page(
    "Оплата по СБП",
    `<p class="note">Демо: приложение вашего банка</p><h1>Оплата по СБП</h1><p class="amount">${amount}</p>${body}`,
  );
}

export const notFoundPage = () =>
  page(
    "Платёж не найден",
    `<h1>Платёж не найден</h1><p>Ссылка на оплату неверна или устарела.</p><p><a href="/">Вернуться в личный кабинет</a></p>`,
  );
