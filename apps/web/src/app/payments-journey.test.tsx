import { buildPath, PayBody, routes } from "@lk/contract";
import { CardInput } from "@lk/contract/payments";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { monthOf, paymentFingerprint, SECURE_CODE } from "@lk/domain";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { leavePage } from "../features/payments/api/pay.ts";
import { handlers } from "../testing/mocks/handlers/index.ts";
import { acquirerPage } from "../testing/mocks/mock-acquirer.ts";
import { mockClock } from "../testing/mocks/mock-clock.ts";
import { mockDb } from "../testing/mocks/mock-db.ts";
import { mockWorld } from "../testing/mocks/mock-world.ts";
import { seedMockDb } from "../testing/mocks/seed.ts";
import { App } from "./App.tsx";

const server = setupServer(...handlers);
const realNow = mockClock.now;
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  server.resetHandlers();
  mockClock.now = realNow;
});
afterAll(() => server.close());

const thisMonth = monthOf(new Date());
const MSK = (day: number, time = "12:00") => new Date(`${thisMonth}-${String(day).padStart(2, "0")}T${time}:00+03:00`);
/** Intl's grouping and currency spaces are non-breaking; the tests read them as plain ones. */
const plain = (text: string | null | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

/** Signed in as the demo customer, on their primary account's page, owing 1 234,56 ₽. */
async function openAccount(arrange: (accountId: string) => void = () => undefined) {
  mockDb.reset();
  seedMockDb();
  mockClock.now = () => MSK(20);
  const account = mockWorld().bundles[0]?.account;
  if (!account) throw new Error("no primary account in the mock world");
  mockDb.state.balanceAdjustments[account.id] = 123_456 - account.balanceKopecks;
  arrange(account.id);
  mockDb.save();
  await fetch(new URL("/api/auth/sign-in", window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  window.history.replaceState(null, "", `/accounts/${account.id}`);
  render(<App />);
  await screen.findByRole("heading", { level: 1, name: /^Лицевой счёт №/ });
  return { account, balance: screen.getByRole("region", { name: "Баланс" }) };
}

const journey = { timeout: 20_000 };

/** «Оплатить» with an amount: the dialog sends the browser to the acquirer's page; its path. */
async function startPayment(balance: HTMLElement, amount?: string): Promise<string> {
  const user = userEvent.setup();
  const leave = vi.spyOn(leavePage, "to").mockImplementation(() => undefined);
  await user.click(within(balance).getByRole("button", { name: "Оплатить" }));
  const dialog = await screen.findByRole("dialog", { name: "Оплата" });
  if (amount !== undefined) {
    await user.clear(within(dialog).getByLabelText("Сумма, ₽"));
    await user.type(within(dialog).getByLabelText("Сумма, ₽"), amount);
  }
  await user.click(within(dialog).getByRole("button", { name: /^Перейти к оплате/ }));
  await waitFor(() => expect(leave).toHaveBeenCalledOnce());
  expect(within(dialog).getAllByText(/Открываем страницу банка…/).length).toBeGreaterThan(0);
  const href = leave.mock.calls.at(-1)?.[0] ?? "";
  leave.mockRestore();
  return new URL(href).pathname;
}

/** The customer on the acquirer's page: the card and the 3-D Secure code; where it sends them back. */
function payOnAcquirerPage(pagePath: string, number: string): string {
  const ref = decodeURIComponent(pagePath.replace("/acquirer/pay/", ""));
  acquirerPage.enterCard(ref, CardInput.parse({ number, expiry: "12/30", cvc: "123" }));
  const step = acquirerPage.confirmCode(ref, SECURE_CODE);
  if (!step) throw new Error(`no acquirer page ${ref}`);
  return step.entry.returnUrl;
}

/** Back on the portal at the address the acquirer's page sent the customer to. */
async function comeBack(returnUrl: string) {
  cleanup();
  window.history.replaceState(null, "", returnUrl);
  render(<App />);
  const dialog = await screen.findByRole("dialog", { name: "Оплата" });
  return { dialog, balance: screen.getByRole("region", { name: "Баланс" }) };
}

describe("«Оплатить» (mock API)", journey, () => {
  it("takes the amount due, sends the customer to the acquirer's page, and back shows «Платёж зачислен», no debt, the payment in «Оплаты»", async () => {
    const user = userEvent.setup();
    const { balance, account } = await openAccount();
    expect(within(balance).getByText("К оплате")).toBeVisible();
    await user.click(within(balance).getByRole("button", { name: "Оплатить" }));
    const first = await screen.findByRole("dialog", { name: "Оплата" });
    const amount = within(first).getByLabelText("Сумма, ₽");
    expect(plain((amount as HTMLInputElement).value)).toBe("1 234,56");
    expect(amount).toHaveAttribute("inputmode", "decimal");
    // No card field in the portal: the card is typed on the acquirer's page.
    expect(within(first).queryByLabelText("Номер карты")).toBeNull();
    expect(within(first).getByText(/личный кабинет их не\s+получает и не хранит/)).toBeVisible();
    await user.click(within(first).getByRole("button", { name: "Закрыть" }));

    const page = await startPayment(balance);
    expect(page).toMatch(/^\/acquirer\/pay\/sim-/);
    expect(mockDb.state.payments.map((p) => [p.status, p.amountKopecks])).toEqual([["PROCESSING", 123_456]]);
    const returnUrl = payOnAcquirerPage(page, "4111 1111 1111 1111");
    expect(returnUrl).toBe(`/accounts/${account.id}?payment=${mockDb.state.payments[0]?.id}`);

    const back = await comeBack(returnUrl);
    const done = await within(back.dialog).findByText(/^Платёж зачислен: 1\s234,56\s₽\.$/);
    expect(done.closest('[role="status"]')).not.toBeNull();
    await user.click(within(back.dialog).getByRole("button", { name: "Готово" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(window.location.search).toBe("");
    expect(await within(back.balance).findByText("Задолженности нет")).toBeVisible();

    const history = await screen.findByRole("region", { name: "История" });
    await user.click(within(history).getByRole("tab", { name: "Оплаты" }));
    const table = await within(history).findByRole("table", { name: "Оплаты за период" });
    const row = within(table)
      .getAllByRole("row")
      .find((r) => plain(r.textContent).includes("1 234,56 ₽"));
    expect(plain(row?.textContent)).toBe(
      `20.${thisMonth.slice(5)}.${thisMonth.slice(0, 4)}1 234,56 ₽ЗачисленЛичный кабинет`,
    );
  });

  it("says why the bank declined, and «Попробовать ещё раз» is a new payment with a page of its own", async () => {
    const user = userEvent.setup();
    const { balance } = await openAccount();
    const page = await startPayment(balance, "500");
    const back = await comeBack(payOnAcquirerPage(page, "4000 0000 0000 0002"));
    expect(await within(back.dialog).findByRole("alert")).toHaveTextContent(
      /не прошёл\. Банк отклонил платёж: недостаточно средств\. Деньги не списаны\.$/,
    );
    expect(within(back.balance).getByText("К оплате")).toBeVisible();

    const leave = vi.spyOn(leavePage, "to").mockImplementation(() => undefined);
    await user.click(within(back.dialog).getByRole("button", { name: "Попробовать ещё раз" }));
    await user.click(within(back.dialog).getByRole("button", { name: /^Перейти к оплате/ }));
    await waitFor(() => expect(leave).toHaveBeenCalledOnce());
    expect(new URL(leave.mock.calls[0]?.[0] ?? "").pathname).not.toBe(page);
    const [declined, second] = mockDb.state.payments;
    expect([declined?.status, second?.status]).toEqual(["DECLINED", "PROCESSING"]);
    expect(declined?.idempotencyKey).not.toBe(second?.idempotencyKey);
  });

  it("waits for a bank that does not answer at once: «В обработке», then asks again until it is «Зачислен»", async () => {
    const { balance } = await openAccount();
    const page = await startPayment(balance);
    const back = await comeBack(payOnAcquirerPage(page, "4000 0000 0000 0119"));
    expect(
      await within(back.dialog).findByText(/^Платёж в обработке: банк ещё не ответил\. Мы обновим статус/),
    ).toBeVisible();
    expect(within(back.balance).getByText("К оплате")).toBeVisible();

    // The simulated bank answers 3 s (of mock time) after 3-D Secure; the dialog asks every 2 s.
    mockClock.now = () => new Date(MSK(20).getTime() + 3_000);
    expect(
      await within(back.dialog).findByText(/^Платёж зачислен: 1\s234,56\s₽\.$/, {}, { timeout: 5_000 }),
    ).toBeVisible();
    expect(await within(back.balance).findByText("Задолженности нет")).toBeVisible();
    expect(mockDb.state.payments.map((p) => p.status)).toEqual(["ACCEPTED"]);
  });

  it("through СБП: a QR code and the bank app's link, «Зачислен» once the bank app pays, and a receipt by e-mail", async () => {
    const user = userEvent.setup();
    const { balance } = await openAccount();
    await user.click(within(balance).getByRole("button", { name: "Оплатить" }));
    const dialog = await screen.findByRole("dialog", { name: "Оплата" });
    await user.click(within(dialog).getByRole("radio", { name: "СБП (по QR-коду)" }));
    await user.click(within(dialog).getByRole("button", { name: /^Показать QR-код 1\s234,56\s₽$/ }));
    const qr = await within(dialog).findByRole("img", { name: "QR-код для оплаты через СБП" });
    expect(qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;utf8,/);
    const link = within(dialog).getByRole("link", { name: "Открыть в приложении банка" });
    const path = new URL(link.getAttribute("href") ?? "").pathname;
    expect(path).toMatch(/^\/acquirer\/sbp\/sim-/);
    expect(within(dialog).getByText(/QR-код\s+действует до \d\d:\d\d\./)).toBeVisible();

    // In the bank app (another device): «Оплатить». The dialog asks every 2 s.
    acquirerPage.answerInBankApp(decodeURIComponent(path.replace("/acquirer/sbp/", "")), true);
    expect(await within(dialog).findByText(/^Платёж зачислен: 1\s234,56\s₽\.$/, {}, { timeout: 5_000 })).toBeVisible();
    expect(await within(balance).findByText("Задолженности нет")).toBeVisible();
    const receipts = mockDb.state.outbox.filter((m) => m.kind === "RECEIPT");
    expect(receipts.map((m) => m.to)).toEqual([DEMO_CUSTOMER.email]);
    expect(receipts[0]?.text).toContain("Кассовый чек. Приход.");
  });

  it("names what is wrong with the amount, in Russian, on the field, and goes nowhere", async () => {
    const user = userEvent.setup();
    const leave = vi.spyOn(leavePage, "to").mockImplementation(() => undefined);
    const { balance } = await openAccount();
    await user.click(within(balance).getByRole("button", { name: "Оплатить" }));
    const dialog = await screen.findByRole("dialog", { name: "Оплата" });
    await user.clear(within(dialog).getByLabelText("Сумма, ₽"));
    await user.type(within(dialog).getByLabelText("Сумма, ₽"), "0,5");
    await user.click(within(dialog).getByRole("button", { name: /^Перейти к оплате/ }));
    expect(await within(dialog).findByText("Минимальная сумма платежа — 1,00 ₽.")).toBeVisible();
    expect(within(dialog).getByLabelText("Сумма, ₽")).toHaveAttribute("aria-invalid", "true");
    expect(mockDb.state.payments).toEqual([]);
    expect(leave).not.toHaveBeenCalled();
    leave.mockRestore();
  });

  it("keeps one key for the attempt: after a lost answer, another amount is refused, not a second payment", async () => {
    const user = userEvent.setup();
    const { account, balance } = await openAccount();
    // The portal made the payment, but its answer never reached the page.
    server.use(
      http.post(
        buildPath(routes.payments.pay.path, { accountId: account.id }),
        async ({ request }) => {
          const body = PayBody.parse(await request.json());
          mockDb.state.payments.push({
            id: crypto.randomUUID(),
            accountId: account.id,
            userId: mockDb.state.users[0]?.id ?? "",
            idempotencyKey: body.idempotencyKey,
            fingerprint: paymentFingerprint({ accountId: account.id, ...body }),
            paidAt: MSK(20).toISOString(),
            amountKopecks: body.amountKopecks,
            status: "PROCESSING",
            channel: "PORTAL",
            declineReason: null,
            gatewayRef: null,
          });
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    await user.click(within(balance).getByRole("button", { name: "Оплатить" }));
    const dialog = await screen.findByRole("dialog", { name: "Оплата" });
    await user.click(within(dialog).getByRole("button", { name: /^Перейти к оплате/ }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Нет связи с сервером.");

    const amount = within(dialog).getByLabelText("Сумма, ₽");
    await user.clear(amount);
    await user.type(amount, "1000");
    await user.click(within(dialog).getByRole("button", { name: /^Перейти к оплате/ }));
    await waitFor(() =>
      expect(within(dialog).getByRole("alert")).toHaveTextContent(
        "Этот запрос уже был отправлен с другими данными. Проверьте историю, прежде чем повторять, и начните заново.",
      ),
    );
    expect(mockDb.state.payments).toHaveLength(1);
    expect(amount).toHaveValue("1000");
  });
});

describe("«Автоплатеж» (mock API)", journey, () => {
  it("connects (terms → application → the card bound on the acquirer's page), shows «Заявление принято», then «Аннулировать» withdraws it", async () => {
    const user = userEvent.setup();
    const { account } = await openAccount();
    const card = screen.getByRole("region", { name: "Автоплатеж" });
    expect(await within(card).findByText(/^Автоплатёж не подключён\./)).toBeVisible();
    await user.click(within(card).getByRole("button", { name: "Подключить" }));

    const dialog = await screen.findByRole("dialog", { name: "Подключение автоплатежа" });
    expect(within(dialog).getByRole("region", { name: "Условия услуги «Автоплатеж»" })).toHaveTextContent(
      "Редакция 2026-01",
    );
    const next = within(dialog).getByRole("button", { name: "Далее" });
    expect(next).toBeDisabled();
    await user.click(within(dialog).getByRole("checkbox", { name: "Я ознакомился(ась) с условиями и согласен(на)" }));
    await user.click(next);

    expect(within(dialog).queryByLabelText("Номер карты")).toBeNull();
    await user.type(within(dialog).getByLabelText("Максимальная сумма списания, ₽"), "5 000");
    expect(within(dialog).getByLabelText("E-mail для чеков")).toHaveValue(DEMO_CUSTOMER.email);
    const leave = vi.spyOn(leavePage, "to").mockImplementation(() => undefined);
    await user.click(within(dialog).getByRole("button", { name: "Подать заявление и привязать карту" }));
    await waitFor(() => expect(leave).toHaveBeenCalledOnce());
    expect(mockDb.state.autoPayments.map((a) => [a.status, a.cardMask])).toEqual([["AWAITING_CARD", null]]);

    // On the acquirer's page: the card and 3-D Secure; back on the account page.
    const returnUrl = payOnAcquirerPage(new URL(leave.mock.calls[0]?.[0] ?? "").pathname, "4111 1111 1111 1111");
    expect(returnUrl).toBe(`/accounts/${account.id}?autopay=card`);
    cleanup();
    window.history.replaceState(null, "", returnUrl);
    render(<App />);
    const back = await screen.findByRole("region", { name: "Автоплатеж" });
    const applied = await within(back).findByText(/^Заявление принято/);
    expect(plain(applied.textContent)).toBe(
      `Заявление принято 20.${thisMonth.slice(5)}.${thisMonth.slice(0, 4)}: автоплатёж начнёт работать с ближайшего счёта. ` +
        "Карта 4111 11•• •••• 1111, не больше 5 000,00 ₽ за списание, чеки на demo@lk.test.",
    );

    await user.click(within(back).getByRole("button", { name: "Аннулировать" }));
    const confirm = await screen.findByRole("dialog", { name: "Аннулировать заявление?" });
    await user.click(within(confirm).getByRole("button", { name: "Аннулировать заявление" }));
    expect(await within(back).findByText(/^Автоплатёж не подключён\./)).toBeVisible();
    expect(mockDb.state.autoPayments[0]?.status).toBe("WITHDRAWN");
  });

  it("a card the bank will not bind: the application waits, says why, and «Привязать карту» opens a new page", async () => {
    const user = userEvent.setup();
    await openAccount((accountId) => {
      mockDb.state.autoPayments.push({
        id: crypto.randomUUID(),
        accountId,
        appliedById: mockDb.state.users[0]?.id ?? "",
        status: "AWAITING_CARD",
        cardMask: null,
        maxAmountKopecks: 500_000,
        receiptEmail: "demo@lk.test",
        termsVersion: "2026-01",
        appliedAt: MSK(20).toISOString(),
        activatedAt: null,
        endedAt: null,
        lastNotice:
          "Карта не привязана: Банк не разрешил привязать карту. Привяжите другую карту или аннулируйте заявление.",
        stopReason: null,
        bindingRef: null,
      });
    });
    const card = screen.getByRole("region", { name: "Автоплатеж" });
    expect(await within(card).findByText(/^Заявление ждёт карту/)).toBeVisible();
    expect(within(card).getByRole("alert")).toHaveTextContent("Банк не разрешил привязать карту.");
    const leave = vi.spyOn(leavePage, "to").mockImplementation(() => undefined);
    await user.click(within(card).getByRole("button", { name: "Привязать карту" }));
    await waitFor(() => expect(leave).toHaveBeenCalledOnce());
    expect(new URL(leave.mock.calls[0]?.[0] ?? "").pathname).toMatch(/^\/acquirer\/pay\/sim-/);
    expect(mockDb.state.acquirer.map((a) => a.kind)).toEqual(["BINDING"]);
  });
});

describe("«Автоплатеж» in force (mock API)", journey, () => {
  it("says since when it pays, shows the last notice, and «Отключить» asks for a reason first", async () => {
    const user = userEvent.setup();
    const notice = "Счёт за октябрь 2026 больше максимальной суммы автоплатежа: оплатите его самостоятельно.";
    await openAccount((accountId) => {
      mockDb.state.autoPayments.push({
        id: crypto.randomUUID(),
        accountId,
        appliedById: mockDb.state.users[0]?.id ?? "",
        status: "ACTIVE",
        cardMask: "4111 11•• •••• 1111",
        maxAmountKopecks: 100_000,
        receiptEmail: "demo@lk.test",
        termsVersion: "2026-01",
        appliedAt: new Date(`${thisMonth}-01T00:00:00+03:00`).toISOString(),
        activatedAt: new Date(`${thisMonth}-01T00:00:00+03:00`).toISOString(),
        endedAt: null,
        lastNotice: notice,
        stopReason: null,
      });
    });
    const card = screen.getByRole("region", { name: "Автоплатеж" });
    const state = await within(card).findByText(/^Автоплатёж подключён с /);
    expect(plain(state.textContent)).toBe(
      `Автоплатёж подключён с 01.${thisMonth.slice(5)}.${thisMonth.slice(0, 4)}: каждый новый счёт оплачивается автоматически. ` +
        "Карта 4111 11•• •••• 1111, не больше 1 000,00 ₽ за списание, чеки на demo@lk.test.",
    );
    expect(within(card).getByRole("status")).toHaveTextContent(notice);

    await user.click(within(card).getByRole("button", { name: "Отключить" }));
    const dialog = await screen.findByRole("dialog", { name: "Отключить автоплатёж?" });
    await user.click(within(dialog).getByRole("button", { name: "Отключить" }));
    expect(within(dialog).getByText("Выберите причину.")).toBeVisible();
    await user.selectOptions(within(dialog).getByLabelText("Причина"), "Буду оплачивать сам(а)");
    await user.click(within(dialog).getByRole("button", { name: "Отключить" }));
    expect(await within(card).findByText(/^Автоплатёж не подключён\./)).toBeVisible();
    expect(mockDb.state.autoPayments[0]).toMatchObject({ status: "OFF", stopReason: "PAY_MYSELF" });
  });
});

describe("«История» → «Счета» and «Квитанция» (mock API)", journey, () => {
  it("lists the year's bills and opens the printable bill", async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    const { account } = await openAccount();
    const history = await screen.findByRole("region", { name: "История" });
    await user.click(within(history).getByRole("tab", { name: "Счета" }));
    const table = await within(history).findByRole("table", { name: "Счета за период" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Период", "Начислено", "Итого", "Оплатить до", "Квитанция"]);
    const firstRow = within(table).getAllByRole("row")[1];
    if (!firstRow) throw new Error("no bills");
    expect(firstRow).toHaveTextContent(/^[А-Я][а-я]+ \d{4}/);
    expect(plain(firstRow.textContent)).toMatch(/Итого (по счёту|переплата) \d[\d ]*,\d\d ₽/);

    await user.click(within(firstRow).getByRole("link", { name: /^Квитанция за / }));
    const heading = await screen.findByRole("heading", { level: 1, name: /^Квитанция за [а-я]+ \d{4}$/ });
    const page = heading.closest("article") as HTMLElement;
    expect(page).toHaveTextContent(`№ ${account.number}`);
    expect(
      within(page)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Зона", "Расход, кВт·ч", "Тариф, ₽/кВт·ч", "Сумма"]);
    for (const term of ["Начислено", "Оплачено", "Оплатить до"]) expect(within(page).getByText(term)).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Печать" }));
    expect(print).toHaveBeenCalledOnce();
    await user.click(screen.getByRole("link", { name: "Назад к лицевому счёту" }));
    expect(await screen.findByRole("heading", { level: 1, name: /^Лицевой счёт №/ })).toBeVisible();
  });
});
