import { linkAccount, openLinkDialog, papersOf, sidebar } from "../support/accounts.ts";
import { isMock, signUp } from "../support/customers.ts";
import { queryAppDatabase } from "../support/database.ts";
import { newestMessage, openOutbox } from "../support/outbox.ts";
import { expect, expectNoA11yViolations, test } from "../support/test.ts";

test("a customer links an account by the bill total and sees its page", async ({ page }, info) => {
  const customer = await signUp(page, info);
  const papers = papersOf(1);
  const dialog = await openLinkDialog(page, papers.supplierName, papers.accountNumber);
  await expect(dialog.getByText("Осталось попыток: 5")).toBeVisible();
  await expectNoA11yViolations(page);
  await dialog.getByLabel("Контрольный вопрос").selectOption("BILL_TOTAL");
  // Typed the way it is printed on the bill: a space between thousands, kopecks after a comma.
  await dialog.getByLabel("Ответ").fill(papers.billTotalText);
  await dialog.getByRole("button", { name: "Подтвердить" }).click();

  await expect(
    page.getByRole("status").filter({ hasText: `Лицевой счёт № ${papers.accountNumber} успешно подключён` }),
  ).toBeVisible();
  await expect(sidebar(page).getByRole("link", { name: new RegExp(`№ ${papers.accountNumber}`) })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Лицевой счёт № ${papers.accountNumber}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Приборы учёта" })).toBeVisible();

  if (!isMock(info)) {
    const links = await queryAppDatabase<{ is_primary: boolean }>(
      `SELECT l."isPrimary" AS is_primary FROM "AccountLink" l JOIN "User" u ON u.id = l."userId"
       JOIN "PersonalAccount" a ON a.id = l."accountId" WHERE u.email = $1 AND a.number = $2`,
      [customer.email, papers.accountNumber],
    );
    expect(links).toEqual([{ is_primary: true }]);
  }
  // The link survives a reload. The page's first script asks for the session, the accounts and
  // the account before the app arrives; the app takes those answers, so each is asked once (a
  // second refresh with the same cookie would be taken for a stolen one). The page appears once,
  // whole: the cabinet never shows its loaders for the accounts or the account.
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}$/);
  const accountPath = `/api${new URL(page.url()).pathname}`;
  const asked: string[] = [];
  page.on("request", (request) => asked.push(`${request.method()} ${new URL(request.url()).pathname}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { lkLoadersSeen: seen });
    new MutationObserver(() => {
      const text = document.getElementById("root")?.textContent ?? "";
      if (text.includes("Загружаем лицевые счета")) seen.push("accounts");
      if (document.querySelector(".cabinet .page-loader")) seen.push("account");
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: `Лицевой счёт № ${papers.accountNumber}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Приборы учёта" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { lkLoadersSeen: string[] }).lkLoadersSeen)).toEqual([]);
  if (!isMock(info)) {
    expect(asked.filter((r) => r === "POST /api/auth/refresh")).toHaveLength(1);
    expect(asked.filter((r) => r === "GET /api/accounts")).toHaveLength(1);
    expect(asked.filter((r) => r === `GET ${accountPath}`)).toHaveLength(1);
    expect(asked.some((r) => /^GET \/assets\/early-session-.+\.js$/.test(r))).toBe(true);
  }
  // What lies below the fold on a phone (the readings' state, the requests, the autopayment,
  // consumption and history cards' code and data) is asked for only once the first screen is on
  // screen, by the browser's own paint timing.
  const lowerBlocks =
    /\/api\/accounts\/[^/]+\/(readings|requests|autopayment|consumption)|\/assets\/(AutopayCard|ConsumptionCard|HistoryCard)-/;
  const timing = async () =>
    page.evaluate((pattern) => {
      const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
      const starts = performance
        .getEntriesByType("resource")
        .filter((entry) => new RegExp(pattern).test(entry.name))
        .map((entry) => ({ url: new URL(entry.name).pathname, start: entry.startTime }));
      return { paint, starts };
    }, lowerBlocks.source);
  await expect.poll(async () => (await timing()).starts.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
  const { paint, starts } = await timing();
  expect(paint).not.toBeNull();
  expect(starts.filter((request) => request.start < (paint ?? 0))).toEqual([]);
});

test("a wrong number format is explained before any question is asked", async ({ page }, info) => {
  await signUp(page, info);
  await page.getByRole("button", { name: "Добавить лицевой счёт" }).click();
  const dialog = page.getByRole("dialog", { name: "Добавить лицевой счёт" });
  await dialog.getByLabel("Поставщик").selectOption({ label: "АО «Мосэнергосбыт»" });
  await dialog.getByLabel("Номер лицевого счёта").fill("12345");
  await dialog.getByRole("button", { name: "Подключить" }).click();
  await expect(dialog.getByLabel("Номер лицевого счёта")).toHaveAccessibleDescription(
    /Номер лицевого счёта Мосэнергосбыт: 10 цифр, например 7700000000\./,
  );
  await expectNoA11yViolations(page);
});

test("three wrong answers each say how many attempts are left", async ({ page }, info) => {
  await signUp(page, info);
  const papers = papersOf(2);
  const dialog = await openLinkDialog(page, papers.supplierName, papers.accountNumber);
  for (const left of [4, 3, 2]) {
    await dialog.getByLabel("Ответ").fill(`${left},01`);
    await dialog.getByRole("button", { name: "Подтвердить" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(`Ответ неверный. Осталось попыток: ${left}.`);
  }
  // What was typed stays to be corrected.
  await expect(dialog.getByLabel("Ответ")).toHaveValue("2,01");
  await expectNoA11yViolations(page);
  await expect(sidebar(page).getByText("Нет подключённых лицевых счетов.")).toBeVisible();
});

test("five wrong answers lock the account for this customer and say until when", async ({ page }, info) => {
  await signUp(page, info);
  const papers = papersOf(3);
  const dialog = await openLinkDialog(page, papers.supplierName, papers.accountNumber);
  for (let i = 0; i < 5; i++) {
    await dialog.getByLabel("Ответ").fill(`${i},99`);
    await dialog.getByRole("button", { name: "Подтвердить" }).click();
    await expect(dialog.getByRole("alert")).toBeVisible();
  }
  await expect(dialog.getByRole("alert")).toContainText(
    /Превышено число попыток\. Подключить этот лицевой счёт можно будет после \d\d\.\d\d\.\d{4} \d\d:\d\d \(мск\)\./,
  );
  await expect(dialog.getByRole("button", { name: "Подтвердить" })).toBeDisabled();
  // Starting over does not get round the lock.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Добавить лицевой счёт" }).click();
  const again = page.getByRole("dialog", { name: "Добавить лицевой счёт" });
  await again.getByLabel("Поставщик").selectOption({ label: papers.supplierName });
  await again.getByLabel("Номер лицевого счёта").fill(papers.accountNumber);
  await again.getByRole("button", { name: "Подключить" }).click();
  await expect(again.getByRole("alert")).toContainText("Превышено число попыток");
});

test("a customer who had an account hears when someone else links it", async ({ page, context }, info) => {
  const holder = await signUp(page, info);
  const papers = await linkAccount(page, 9);
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("heading", { name: "Вход в личный кабинет" })).toBeVisible();
  // A family member (or a stranger who guessed) links the same account with their own answer.
  await signUp(page, info);
  await linkAccount(page, 9);

  const mail = await openOutbox(context, holder.email);
  const letter = newestMessage(mail);
  await expect(letter).toContainText(`Лицевой счёт № ${papers.accountNumber} подключён к ещё одной учётной записи`);
  await expect(letter).toContainText("Если нет, обратитесь к поставщику");
});

test("twenty wrong answers in a day over any accounts stop new links, and say until when", async ({ page }, info) => {
  const customer = await signUp(page, info);
  // Four numbers nobody has, five wrong answers each (a wrong answer for an unknown number counts
  // like any other), sent from the page as the dialog sends them: twenty in all.
  await page.evaluate(async ({ email, password }) => {
    const post = (url: string, body: object, token?: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const { accessToken } = await (await post("/api/auth/sign-in", { login: email, password })).json();
    for (let n = 0; n < 4; n++) {
      for (let i = 0; i < 5; i++) {
        const body = {
          supplierId: "mosenergosbyt",
          accountNumber: `779900000${n}`,
          question: "BILL_TOTAL",
          answer: `${i},01`,
        };
        await post("/api/accounts/link/confirm", body, accessToken);
      }
    }
  }, customer);
  const papers = papersOf(10);
  await page.getByRole("button", { name: "Добавить лицевой счёт" }).click();
  const dialog = page.getByRole("dialog", { name: "Добавить лицевой счёт" });
  await dialog.getByLabel("Поставщик").selectOption({ label: papers.supplierName });
  await dialog.getByLabel("Номер лицевого счёта").fill(papers.accountNumber);
  await dialog.getByRole("button", { name: "Подключить" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    /Слишком много неверных ответов на контрольные вопросы за сутки\. Подключать лицевые счета можно будет после \d\d\.\d\d\.\d{4} \d\d:\d\d \(мск\)\./,
  );
  await expectNoA11yViolations(page);
  if (!isMock(info)) {
    const attempts = await queryAppDatabase<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ControlQuestionAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`,
      [customer.email],
    );
    expect(attempts).toEqual([{ n: 20 }]);
  }
});

test("a customer removes an additional account after confirming", async ({ page }, info) => {
  await signUp(page, info);
  await linkAccount(page, 0);
  const second = await linkAccount(page, 5);
  const nav = sidebar(page);
  await expect(nav.getByRole("link", { name: new RegExp(`№ ${second.accountNumber}`) })).toBeVisible();

  await nav.getByRole("button", { name: `Действия со счётом № ${second.accountNumber}` }).click();
  await expect(page.getByRole("menuitem", { name: "Удалить" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("menuitem", { name: "Удалить" }).click();
  const confirm = page.getByRole("dialog", { name: "Удалить лицевой счёт?" });
  await expect(confirm).toContainText("Данные счёта у поставщика сохранятся");
  await expectNoA11yViolations(page);
  await confirm.getByRole("button", { name: "Отмена" }).click();
  await expect(nav.getByRole("link", { name: new RegExp(`№ ${second.accountNumber}`) })).toBeVisible();

  await nav.getByRole("button", { name: `Действия со счётом № ${second.accountNumber}` }).click();
  await page.getByRole("menuitem", { name: "Удалить" }).click();
  await page.getByRole("dialog", { name: "Удалить лицевой счёт?" }).getByRole("button", { name: "Удалить" }).click();
  await expect(nav.getByRole("link", { name: new RegExp(`№ ${second.accountNumber}`) })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: /№ 7700000000/ })).toBeVisible();
  await page.reload();
  await expect(sidebar(page).getByRole("link", { name: new RegExp(`№ ${second.accountNumber}`) })).toHaveCount(0);
});

test("the demo customer's account page shows the balance, the last bill and the meters", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail или номер телефона").fill("demo@lk.test");
  await page.getByLabel("Пароль").fill("Demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Лицевой счёт № 7700000000" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Баланс" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Последний счёт за / })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Приборы учёта" }).getByRole("heading", { name: /^Счётчик .+, № \d+$/ }),
  ).toBeVisible();
});

test("a customer names an account: the sidebar, the page and the tab show it", async ({ page }, info) => {
  const customer = await signUp(page, info);
  const papers = await linkAccount(page, 2);
  const nav = sidebar(page);
  const rename = async () => {
    await nav.getByRole("button", { name: `Действия со счётом № ${papers.accountNumber}` }).click();
    await page.getByRole("menuitem", { name: "Переименовать" }).click();
    return page.getByRole("dialog", { name: "Название лицевого счёта" });
  };

  const dialog = await rename();
  await expect(dialog.getByLabel("Название")).toBeFocused();
  await expectNoA11yViolations(page);
  // The field takes no more than 40 characters: nothing to refuse later.
  const long = "Квартира мамы на Профсоюзной, дом у пруда, второй подъезд";
  await dialog.getByLabel("Название").fill(long);
  await expect(dialog.getByLabel("Название")).toHaveValue(long.slice(0, 40));
  await dialog.getByLabel("Название").fill("  Квартира мамы ");
  await dialog.getByLabel("Название").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "теперь называется «Квартира мамы»" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Квартира мамы" })).toBeVisible();
  await expect(page.getByText(`Лицевой счёт № ${papers.accountNumber}`, { exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: new RegExp(`Квартира мамы.*№ ${papers.accountNumber}`) })).toBeVisible();
  await expect(page).toHaveTitle("Квартира мамы — Личный кабинет");
  if (!isMock(info)) {
    const [link] = await queryAppDatabase<{ nickname: string | null }>(
      `SELECT l.nickname FROM "AccountLink" l JOIN "User" u ON u.id = l."userId" WHERE u.email = $1`,
      [customer.email],
    );
    expect(link?.nickname).toBe("Квартира мамы");
  }
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Квартира мамы" })).toBeVisible();

  // «Убрать название»: the number is the title again.
  await (await rename()).getByRole("button", { name: "Убрать название" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Лицевой счёт № ${papers.accountNumber}` })).toBeVisible();
  await expect(nav.getByRole("link", { name: /Квартира мамы/ })).toHaveCount(0);
});
