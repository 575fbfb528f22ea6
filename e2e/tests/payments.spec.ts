import type { Page } from "@playwright/test";
import { linkAccount } from "../support/accounts.ts";
import { isMock, signUp } from "../support/customers.ts";
import { queryAppDatabase } from "../support/database.ts";
import { OPEN_DAY } from "../support/dates.ts";
import { openOutbox } from "../support/outbox.ts";
import { expect, expectNoA11yViolations, test } from "../support/test.ts";

async function openPayDialog(page: import("@playwright/test").Page) {
  await page.getByRole("region", { name: "Баланс" }).getByRole("button", { name: "Оплатить" }).click();
  const dialog = page.getByRole("dialog", { name: "Оплата" });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** On the acquirer's page (the API's own in the app, the mock's in mock mode): the card, then 3-D Secure. */
async function payOnAcquirerPage(page: Page, number: string, amount: string) {
  await page.waitForURL(/\/acquirer\/pay\//);
  await expect(page.getByRole("heading", { level: 1, name: "Оплата электроэнергии" })).toBeVisible();
  await page.getByLabel("Номер карты").fill(number);
  await page.getByLabel("Срок действия (ММ/ГГ)").fill("12/30");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: `Оплатить ${amount}` }).click();
  await expect(page.getByRole("heading", { name: "Подтверждение 3-D Secure" })).toBeVisible();
  await page.getByLabel("Код из SMS").fill("12345");
  await page.getByRole("button", { name: "Подтвердить" }).click();
}

test("a customer pays on the acquirer's page with 3-D Secure, comes back to «зачислен», and no request to the portal carried the card", async ({
  page,
}, info) => {
  const customer = await signUp(page, info);
  await linkAccount(page, 1);
  const portalBodies: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/")) portalBodies.push(request.postData() ?? "");
  });
  const dialog = await openPayDialog(page);
  await expect(dialog.getByLabel("Номер карты")).toHaveCount(0);
  await dialog.getByLabel("Сумма, ₽").fill("1 234,56");
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: "Перейти к оплате 1 234,56 ₽" }).click();

  await page.waitForURL(/\/acquirer\/pay\//);
  await expect(page.getByText("1 234,56 ₽", { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel("Номер карты").fill("4111 1111 1111 1111");
  await page.getByLabel("Срок действия (ММ/ГГ)").fill("12/30");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Оплатить 1 234,56 ₽" }).click();
  await expect(page.getByText("Банк отправил код на телефон, привязанный к карте 4111 11•• •••• 1111.")).toBeVisible();
  await page.getByLabel("Код из SMS").fill("00000");
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await expect(page.getByRole("alert")).toContainText("Неверный код. Осталось попыток: 2.");
  await expectNoA11yViolations(page);
  await page.getByLabel("Код из SMS").fill("12345");
  await page.getByRole("button", { name: "Подтвердить" }).click();

  await page.waitForURL(/\/accounts\/[^/?]+\?payment=/);
  const back = page.getByRole("dialog", { name: "Оплата" });
  await expect(back.getByRole("status")).toContainText("Платёж зачислен: 1 234,56 ₽.");
  await expectNoA11yViolations(page);
  await back.getByRole("button", { name: "Готово" }).click();
  await expect(page).not.toHaveURL(/payment=/);

  const history = page.getByRole("region", { name: "История" });
  await history.getByRole("tab", { name: "Оплаты" }).click();
  await history.getByRole("button", { name: "Этот месяц" }).click();
  const row = history
    .getByRole("table", { name: "Оплаты за период" })
    .getByRole("row")
    .filter({ hasText: "Личный кабинет" });
  await expect(row).toContainText("1 234,56 ₽");
  await expect(row).toContainText("Зачислен");
  await expectNoA11yViolations(page);

  // The portal never received the card: not its number, not its CVC.
  expect(portalBodies.length).toBeGreaterThan(0);
  for (const body of portalBodies) {
    expect(body.replace(/\D/g, "")).not.toContain("4111111111111111");
    expect(body).not.toContain('"cvc"');
  }
  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ status: string; amount: number; mask: string | null }>(
      `SELECT p.status::text AS status, p."amountKopecks" AS amount, s."cardMask" AS mask
         FROM "Payment" p JOIN "User" u ON u.id = p."createdById"
         JOIN "SimulatedAcquirerPayment" s ON s."orderId" = p.id::text
        WHERE u.email = $1`,
      [customer.email],
    );
    expect(rows).toEqual([{ status: "ACCEPTED", amount: 123456, mask: "4111 11•• •••• 1111" }]);
  }
});

test("a customer pays through СБП: the QR code and the bank app's link, «зачислен» once the bank app pays, and a receipt by e-mail", async ({
  page,
  context,
}, info) => {
  const customer = await signUp(page, info);
  await linkAccount(page, 8);
  const dialog = await openPayDialog(page);
  await dialog.getByLabel("Сумма, ₽").fill("321");
  await dialog.getByRole("radio", { name: "СБП (по QR-коду)" }).check();
  await dialog.getByRole("button", { name: "Показать QR-код 321,00 ₽" }).click();
  await expect(dialog.getByRole("img", { name: "QR-код для оплаты через СБП" })).toBeVisible();
  await expect(dialog.getByText(/QR-код\s+действует до \d\d:\d\d\./)).toBeVisible();
  await expectNoA11yViolations(page);

  // The phone: the link opens the bank's app (simulated), where the customer confirms.
  const link = (await dialog.getByRole("link", { name: "Открыть в приложении банка" }).getAttribute("href")) ?? "";
  const phone = await context.newPage();
  await phone.goto(link);
  await expect(phone.getByRole("heading", { level: 1, name: "Оплата по СБП" })).toBeVisible();
  await expectNoA11yViolations(phone);
  await phone.getByRole("button", { name: "Оплатить 321,00 ₽" }).click();
  await expect(phone.getByRole("status")).toContainText("Оплата прошла.");
  await phone.close();

  // The cabinet's tab was asking all along.
  await expect(dialog.getByRole("status").filter({ hasText: "Платёж зачислен" })).toContainText(
    "Платёж зачислен: 321,00 ₽.",
  );
  const outbox = await openOutbox(context, customer.email);
  // Found by its words, not as the newest: in mock mode the bank app's tab keeps a mock clock of its
  // own, so the receipt it writes may be stamped before the cabinet tab's latest message.
  const receipt = outbox.getByRole("article").filter({ hasText: "Кассовый чек. Приход." });
  await expect(receipt).toHaveCount(1);
  await expect(receipt).toContainText("Сумма: 321,00 ₽");
  await outbox.close();
  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ status: string; receipts: number }>(
      `SELECT p.status::text AS status,
              (SELECT count(*)::int FROM "OutboxMessage" o WHERE o."dedupeKey" = 'receipt:' || p.id::text) AS receipts
         FROM "Payment" p JOIN "User" u ON u.id = p."createdById" WHERE u.email = $1`,
      [customer.email],
    );
    expect(rows).toEqual([{ status: "ACCEPTED", receipts: 1 }]);
  }
});

test("a declined card says why and takes nothing; the retry is cancelled on the bank's page", async ({
  page,
}, info) => {
  const customer = await signUp(page, info);
  await linkAccount(page, 2);
  const dialog = await openPayDialog(page);
  await dialog.getByLabel("Сумма, ₽").fill("500");
  await dialog.getByRole("button", { name: "Перейти к оплате 500,00 ₽" }).click();
  await payOnAcquirerPage(page, "4000 0000 0000 0002", "500,00 ₽");
  const back = page.getByRole("dialog", { name: "Оплата" });
  await expect(back.getByRole("alert")).toContainText("Банк отклонил платёж: недостаточно средств. Деньги не списаны.");
  await expectNoA11yViolations(page);
  await back.getByRole("button", { name: "Попробовать ещё раз" }).click();
  await back.getByLabel("Сумма, ₽").fill("500");
  await back.getByRole("button", { name: "Перейти к оплате 500,00 ₽" }).click();
  await page.waitForURL(/\/acquirer\/pay\//);
  await page.getByRole("button", { name: "Отменить и вернуться в личный кабинет" }).click();
  await expect(page.getByRole("dialog", { name: "Оплата" }).getByRole("alert")).toContainText(
    "Оплата отменена на странице банка. Деньги не списаны.",
  );
  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ status: string }>(
      `SELECT p.status::text AS status FROM "Payment" p JOIN "User" u ON u.id = p."createdById" WHERE u.email = $1 ORDER BY p."paidAt", p."updatedAt"`,
      [customer.email],
    );
    expect(rows.map((r) => r.status)).toEqual(["DECLINED", "DECLINED"]);
  }
});

test("a customer connects autopayment with the card bound on the acquirer's page, annuls the application, connects again and switches it off once active", async ({
  page,
}, info) => {
  const customer = await signUp(page, info);
  await linkAccount(page, 25);
  const autopay = page.getByRole("region", { name: "Автоплатеж" });
  await expect(autopay).toContainText("Автоплатёж не подключён.");

  const portalBodies: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/")) portalBodies.push(request.postData() ?? "");
  });
  const connect = async () => {
    await autopay.getByRole("button", { name: "Подключить" }).click();
    const dialog = page.getByRole("dialog", { name: "Подключение автоплатежа" });
    await expect(dialog.getByRole("region", { name: /Условия услуги/ })).toContainText(
      "Автоплатёж оплачивает каждый новый счёт",
    );
    await expect(dialog.getByRole("button", { name: "Далее" })).toBeDisabled();
    await expectNoA11yViolations(page);
    await dialog.getByLabel("Я ознакомился(ась) с условиями и согласен(на)").check();
    await dialog.getByRole("button", { name: "Далее" }).click();
    await expect(dialog.getByLabel("Номер карты")).toHaveCount(0);
    await dialog.getByLabel("Максимальная сумма списания, ₽").fill("5 000");
    await expectNoA11yViolations(page);
    await dialog.getByRole("button", { name: "Подать заявление и привязать карту" }).click();

    // The card is bound on the acquirer's page, with 3-D Secure, and the customer comes back.
    await page.waitForURL(/\/acquirer\/pay\//);
    await expect(page.getByRole("heading", { level: 1, name: "Привязка карты для автоплатежа" })).toBeVisible();
    await page.getByLabel("Номер карты").fill("4111 1111 1111 1111");
    await page.getByLabel("Срок действия (ММ/ГГ)").fill("12/30");
    await page.getByLabel("CVC").fill("123");
    await page.getByRole("button", { name: "Привязать карту" }).click();
    await page.getByLabel("Код из SMS").fill("12345");
    await page.getByRole("button", { name: "Подтвердить" }).click();
    await page.waitForURL(/\/accounts\/[^/?]+\?autopay=card/);
    await expect(autopay).toContainText("Заявление принято");
    await expect(autopay).toContainText("Карта 4111 11•• •••• 1111, не больше 5 000,00 ₽ за списание");
  };

  await connect();
  await autopay.getByRole("button", { name: "Аннулировать" }).click();
  await page
    .getByRole("dialog", { name: "Аннулировать заявление?" })
    .getByRole("button", { name: "Аннулировать заявление" })
    .click();
  await expect(autopay).toContainText("Автоплатёж не подключён.");

  await connect();
  // The next bill run puts the application in force: in the real app the run's effect, in the mock
  // its date moved to the next month.
  if (isMock(info)) {
    const next = new Date(new Date(OPEN_DAY).getTime() + 20 * 86_400_000).toISOString();
    await page.evaluate((date) => window.localStorage.setItem("lk-mock-date", date), next);
  } else {
    await queryAppDatabase(
      `UPDATE "AutoPayment" SET status = 'ACTIVE', "activatedAt" = now() WHERE "userId" = (SELECT id FROM "User" WHERE email = $1) AND status = 'APPLIED'`,
      [customer.email],
    );
  }
  await page.reload();
  await expect(autopay).toContainText("Автоплатёж подключён с");
  await autopay.getByRole("button", { name: "Отключить" }).click();
  const stop = page.getByRole("dialog", { name: "Отключить автоплатёж?" });
  await stop.getByLabel("Причина").selectOption({ label: "Буду оплачивать сам(а)" });
  await expectNoA11yViolations(page);
  await stop.getByRole("button", { name: "Отключить" }).click();
  await expect(autopay).toContainText("Автоплатёж не подключён.");
  for (const body of portalBodies) expect(body.replace(/\D/g, "")).not.toContain("4111111111111111");
});

test("a customer browses bills by period and opens a printable bill", async ({ page }, info) => {
  await signUp(page, info);
  await linkAccount(page, 0);
  const history = page.getByRole("region", { name: "История" });
  await history.getByRole("tab", { name: "Счета" }).click();
  await history.getByRole("button", { name: "3 месяца" }).click();
  const table = history.getByRole("table", { name: "Счета за период" });
  await expect(table.getByRole("row")).not.toHaveCount(1);
  await expectNoA11yViolations(page);
  const first = table.getByRole("row").nth(1);
  const link = first.getByRole("link", { name: /^Квитанция за / });
  const name = (await link.getAttribute("aria-label")) ?? (await link.textContent()) ?? "";
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: name.replace(/^Квитанция/, "Квитанция") })).toBeVisible();
  await expect(page.getByRole("table", { name: "Начисления за электроэнергию" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Печать" })).toBeVisible();
  await page.getByRole("link", { name: "Назад к лицевому счёту" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Лицевой счёт № / })).toBeVisible();
});
