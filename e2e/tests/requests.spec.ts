import { readFileSync } from "node:fs";
import { DEMO_OPERATOR } from "@lk/demo-data";
import type { Browser, Page, TestInfo } from "@playwright/test";
import { linkAccount } from "../support/accounts.ts";
import { type Customer, isMock, signUp } from "../support/customers.ts";
import { queryAppDatabase } from "../support/database.ts";
import { expect, expectNoA11yViolations, test, watchA11y } from "../support/test.ts";

// An account no other journey links: its number of residents changes here.
const ACCOUNT = 12;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const DISGUISED = Buffer.from("Просто текст, который назвали PDF.\n");

const requisites = (page: Page) => page.getByRole("region", { name: "Реквизиты ЛС" });
/** «Проживает»: «3 чел.» → 3. */
async function residentsOn(page: Page): Promise<number> {
  const text = await requisites(page)
    .getByText(/^\d+ чел\.$/)
    .textContent();
  return Number(text?.replace(/\D/g, ""));
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("heading", { name: "Вход в личный кабинет" })).toBeVisible();
}

async function signIn(page: Page, login: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail или номер телефона").fill(login);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
}

/**
 * The operator at work beside the customer. Against the real app: a browser of their own. The mock
 * API lives in the page's own storage, which another browser does not share: there the customer
 * signs out and the operator signs in on the same page, then the customer comes back.
 */
async function asOperator(
  page: Page,
  browser: Browser,
  info: TestInfo,
  customer: Customer,
  work: (op: Page) => Promise<void>,
) {
  if (isMock(info)) {
    await signOut(page);
    await signIn(page, DEMO_OPERATOR.email, DEMO_OPERATOR.password);
    await work(page);
    await signOut(page);
    await signIn(page, customer.email, customer.password);
    return;
  }
  const { baseURL, locale, timezoneId } = info.project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  try {
    const op = await context.newPage();
    watchA11y(op);
    await signIn(op, DEMO_OPERATOR.email, DEMO_OPERATOR.password);
    await work(op);
  } finally {
    await context.close();
  }
}

test("a customer files a residents change with a document; the operator approves; the account shows it", async ({
  page,
  browser,
}, info) => {
  // In the mock three sign-ins on one page, each rebuilding the mock's world: over a minute on a
  // busy runner (it timed out once in a fresh-clone CI beside another test run).
  test.slow(isMock(info), "three sign-ins in the mock, each generating its world");
  const customer = await signUp(page, info);
  await linkAccount(page, ACCOUNT);
  await expect(requisites(page).getByText("Заявок пока нет.")).toBeVisible();
  const before = await residentsOn(page);

  await requisites(page).getByRole("link", { name: "Изменить" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Заявка на изменение сведений" })).toBeVisible();
  await page.getByRole("radio", { name: /Изменение количества проживающих/ }).check();
  const residents = page.getByLabel("Количество проживающих");
  await expect(residents).toHaveAccessibleDescription(`Сейчас: ${before}`);
  await residents.fill(String(before + 1));
  const register = page.getByLabel(/^Выписка из домовой книги или единый жилищный документ/);

  // A text file named .pdf: the server looks at the content and refuses it, naming the file.
  await register.setInputFiles({ name: "spravka.pdf", mimeType: "application/pdf", buffer: DISGUISED });
  await page.getByRole("button", { name: "Отправить заявку" }).click();
  await expect(page.getByRole("alert")).toHaveText("Заявка не отправлена. Исправьте отмеченное ниже.");
  await expect(register).toHaveAccessibleDescription(
    /Файл «spravka\.pdf» не является документом PDF или изображением JPEG или PNG/,
  );
  await expect(residents).toHaveValue(String(before + 1));
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Убрать файл spravka.pdf" }).click();
  await register.setInputFiles({ name: "vypiska.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Отправить заявку" }).click();
  const title = page.getByRole("heading", { level: 1, name: /^Заявка З-\d{6}$/ });
  await expect(title).toBeVisible();
  const number = ((await title.textContent()) ?? "").replace("Заявка ", "");
  await expect(page.getByRole("status").filter({ hasText: `Заявка ${number} подана.` })).toBeVisible();
  // The document comes back as it was sent, under its own name.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Скачать vypiska.pdf" }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe("vypiska.pdf");
  expect(readFileSync(await saved.path())).toEqual(PDF);

  await asOperator(page, browser, info, customer, async (op) => {
    await expect(op).toHaveURL(/\/operator$/);
    await expect(op.getByRole("complementary", { name: "Разделы оператора" })).toBeVisible();
    const row = op.getByRole("row", { name: new RegExp(number) });
    await expect(row).toContainText("Изменение количества проживающих");
    await row.getByRole("link", { name: number }).click();
    await expect(op.getByRole("heading", { level: 1, name: `Заявка ${number}` })).toBeVisible();
    await op.getByRole("button", { name: "Взять на рассмотрение" }).click();
    await expect(op.getByRole("status").filter({ hasText: "Заявка взята на рассмотрение." })).toBeVisible();

    await op.getByRole("button", { name: "Выполнить" }).click();
    const dialog = op.getByRole("dialog", { name: `Выполнить заявку ${number}?` });
    await expect(dialog).toContainText(`Количество проживающих: ${before} → ${before + 1}`);
    await expectNoA11yViolations(op);
    await dialog.getByRole("button", { name: "Выполнить" }).click();
    await expect(op.getByRole("status").filter({ hasText: `Заявка ${number} выполнена` })).toBeVisible();
    await op.getByRole("link", { name: "← К очереди заявок" }).click();
    await expect(op.getByRole("row", { name: new RegExp(number) })).toHaveCount(0);
  });

  // The customer opens the cabinet again: the new number of residents, and the request «выполнена».
  await page.goto("/");
  await expect(requisites(page).getByText(`${before + 1} чел.`)).toBeVisible();
  const mine = requisites(page).getByRole("list", { name: "Мои заявки" });
  await expect(mine.getByRole("listitem").filter({ hasText: number })).toContainText("выполнена");
  await mine.getByRole("link", { name: `Заявка ${number}` }).click();
  const history = page.getByRole("list", { name: "История" });
  await expect(history.getByRole("listitem").last()).toContainText(/выполнена \(оператор\)/);

  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ residents: number; status: string }>(
      `SELECT a.residents, r.status FROM "ServiceRequest" r JOIN "PersonalAccount" a ON a.id = r."accountId"
       JOIN "User" u ON u.id = r."userId" WHERE r.number = $1 AND u.email = $2`,
      [Number(number.replace(/\D/g, "")), customer.email],
    );
    expect(rows).toEqual([{ residents: before + 1, status: "DONE" }]);
  }
});

test("a customer who opens the operator's screen is told it is for operators only", async ({ page }, info) => {
  await signUp(page, info);
  await page.goto("/operator");
  await expect(page.getByRole("heading", { name: "Раздел доступен только операторам" })).toBeVisible();
});
