import { linkAccount } from "../support/accounts.ts";
import { isMock, signUp } from "../support/customers.ts";
import { queryAppDatabase } from "../support/database.ts";
import { newestMessage, openOutbox } from "../support/outbox.ts";
import { meterForm, previousValue, readingsCard, typed } from "../support/readings.ts";
import { expect, expectNoA11yViolations, test } from "../support/test.ts";

// Each journey that sends readings has an account of its own: journeys run in parallel, and a
// second reading for a meter in the same window replaces the first, whoever sent it.

test("a customer sends a reading inside the window and finds it in the history", async ({ page }, info) => {
  const customer = await signUp(page, info);
  await linkAccount(page, 16);
  await expect(readingsCard(page).getByText(/Приём показаний открыт до 26\.\d\d\.\d{4}/)).toBeVisible();
  const form = meterForm(page);
  const previous = await previousValue(form);
  await form.getByLabel("Т1, кВт·ч").fill(typed(previous + 150));
  await expect(form.getByText("Расход: 150 кВт·ч")).toBeVisible();
  await expect(form.getByText(/^Примерная стоимость: [\d\s]+,\d\d\s₽$/)).toBeVisible();
  await form.getByRole("button", { name: "Передать" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Показания переданы" })).toContainText("Расход 150 кВт·ч");

  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ t1: string; source: string; status: string }>(
      `SELECT r.t1::text AS t1, r.source::text AS source, r.status::text AS status FROM "Reading" r
       JOIN "User" u ON u.id = r."submittedById" WHERE u.email = $1`,
      [customer.email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: "CUSTOMER", status: "ACTIVE" });
    expect(Number(rows[0]?.t1)).toBeCloseTo(previous + 150, 3);
  }

  const history = page.getByRole("region", { name: "История" });
  await history.getByRole("button", { name: "Этот месяц" }).click();
  const table = history.getByRole("table", { name: /Показания за/ });
  const row = table.getByRole("row").filter({ hasText: "Переданы вами" }).first();
  await expect(row).toContainText(typed(previous + 150).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0"));
  await expect(row).toContainText("Учтены");
  await expectNoA11yViolations(page);
});

test("a value below the last one is refused beside the field, then corrected", async ({ page }, info) => {
  await signUp(page, info);
  await linkAccount(page, 20);
  const form = meterForm(page);
  const previous = await previousValue(form);
  const field = form.getByLabel("Т1, кВт·ч");
  await field.fill(typed(previous - 10));
  await form.getByRole("button", { name: "Передать" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Показание меньше предыдущего \([\d,]+\)\. Проверьте цифры\./);
  await expectNoA11yViolations(page);
  // The typed value stays to be fixed.
  await expect(field).toHaveValue(typed(previous - 10));
  await field.fill(typed(previous + 12));
  await form.getByRole("button", { name: "Передать" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Показания переданы" })).toContainText("Расход 12 кВт·ч");
});

test("a big jump asks for confirmation before it is sent, then says the month's use is unusual and sends a letter", async ({
  page,
}, info) => {
  const customer = await signUp(page, info);
  await linkAccount(page, 21);
  const form = meterForm(page);
  const previous = await previousValue(form);
  await form.getByLabel("Т1, кВт·ч").fill(typed(previous + 5000));
  await form.getByRole("button", { name: "Передать" }).click();
  const dialog = page.getByRole("dialog", { name: "Подтвердите показания" });
  await expect(dialog).toContainText("более чем втрое выше обычного");
  await expectNoA11yViolations(page);
  await dialog.getByRole("button", { name: "Подтвердить и передать" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Показания переданы" })).toContainText("Расход 5");
  // Far above last year's same month: «Необычный расход» on the page, and a letter.
  await expect(form.getByRole("status")).toContainText("Необычный расход: за ");
  await expect(form.getByRole("status")).toContainText("Мы также отправили письмо.");
  await expectNoA11yViolations(page);
  const outbox = await openOutbox(page.context(), customer.email);
  await expect(newestMessage(outbox)).toContainText("Необычный расход");
  await outbox.close();
});

test("АСКУЭ and faulty meters explain why no reading is taken", async ({ page }, info) => {
  await signUp(page, info);
  await linkAccount(page, 3);
  await expect(readingsCard(page).getByRole("status").filter({ hasText: "Счётчик подключён к АСКУЭ" })).toContainText(
    "показания передаются автоматически",
  );
  await expect(readingsCard(page).getByRole("button", { name: "Передать" })).toHaveCount(0);

  await linkAccount(page, 4);
  await expect(readingsCard(page).getByRole("alert")).toContainText("Прибор учёта неисправен");
  await expect(readingsCard(page).getByRole("alert")).toContainText("Обратитесь к поставщику");
  await expect(readingsCard(page).getByRole("button", { name: "Передать" })).toHaveCount(0);
});

test("while the server is briefly unavailable, the reading is sent again by itself, once", async ({ page }, info) => {
  // The mock answers from a service worker, before Playwright's routing could stand in for the server.
  test.skip(isMock(info), "the mock API's service worker answers before page.route");
  const customer = await signUp(page, info);
  await linkAccount(page, 32);
  const form = meterForm(page);
  const previous = await previousValue(form);
  // The first submission meets what a stopping instance or an outage answers: 503, Retry-After.
  const sent: string[] = [];
  await page.route("**/api/accounts/*/meters/*/readings", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    sent.push(route.request().postDataJSON().idempotencyKey);
    if (sent.length > 1) return route.continue();
    return route.fulfill({
      status: 503,
      headers: { "retry-after": "2" },
      json: {
        error: {
          code: "SERVICE_UNAVAILABLE",
          message: "Сервис временно недоступен. Повторите через несколько секунд.",
          details: { retryAfterSeconds: 2 },
        },
      },
    });
  });
  await form.getByLabel("Т1, кВт·ч").fill(typed(previous + 40));
  await form.getByRole("button", { name: "Передать" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Сервер временно перегружен" })).toContainText(
    "отправим ещё раз через несколько секунд",
  );
  await expect(form.getByRole("status").filter({ hasText: "Показания переданы" })).toContainText("Расход 40 кВт·ч");
  await expect(form.getByText("отправим ещё раз")).toHaveCount(0);
  // Sent twice with one key: a repeat can never make two readings.
  expect(sent).toHaveLength(2);
  expect(sent[1]).toBe(sent[0]);
  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Reading" r JOIN "User" u ON u.id = r."submittedById" WHERE u.email = $1`,
      [customer.email],
    );
    expect(rows[0]?.n).toBe(1);
  }
});
