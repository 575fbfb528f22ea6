import type { BrowserContext, Page } from "@playwright/test";
import { linkAccount, papersOf } from "../support/accounts.ts";
import { type Customer, isMock, makeCustomer, signUp } from "../support/customers.ts";
import { queryAppDatabase } from "../support/database.ts";
import { codeSentTo, newestMessage, openOutbox } from "../support/outbox.ts";
import { expect, expectNoA11yViolations, test } from "../support/test.ts";

// An account no other journey uses: its «Получение счёта по e-mail» is shared by everyone linked to it.
const BILLS_ACCOUNT = 33;

async function openProfile(page: Page) {
  await page.getByRole("navigation", { name: "Учётная запись" }).getByRole("link", { name: "Профиль" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Профиль" })).toBeVisible();
}

async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel("E-mail или номер телефона").fill(login);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { name: /Здравствуйте/ })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("heading", { name: "Вход в личный кабинет" })).toBeVisible();
}

/** `+79991234567` as a customer may type it: «8 999 123-45-67». */
const spelled = (phone: string) =>
  `8 ${phone.slice(2, 5)} ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;

/** «Изменить телефон» (or «Указать», when there is none) in the profile: the contacts and the dialog. */
async function openPhoneDialog(page: Page) {
  await openProfile(page);
  const contacts = page.getByRole("region", { name: "Контакты" });
  await contacts.getByRole("button", { name: /^(Изменить|Указать) телефон$/ }).click();
  const dialog = page.getByRole("dialog", { name: /^(Изменение|Добавление) телефона$/ });
  return { contacts, dialog };
}

/** With the number typed: the current password, the code from the SMS, «Подтвердить»; the profile says so. */
async function provePhone(
  page: Page,
  context: BrowserContext,
  { password, phone }: Pick<Customer, "password" | "phone">,
) {
  const contacts = page.getByRole("region", { name: "Контакты" });
  const dialog = page.getByRole("dialog", { name: /^(Изменение|Добавление) телефона$/ });
  await dialog.getByLabel("Текущий пароль").fill(password);
  await dialog.getByRole("button", { name: "Получить код" }).click();
  await expect(dialog.getByText(/Мы отправили код на/)).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Отправить код ещё раз" })).toBeDisabled();
  await expectNoA11yViolations(page);

  const code = await codeSentTo(context, phone);
  await dialog.getByLabel("Код из SMS").fill(code);
  await dialog.getByRole("button", { name: "Подтвердить" }).click();
  await expect(contacts.getByRole("status").filter({ hasText: /^Телефон (изменён|добавлен)\.$/ })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(contacts).toContainText(spelled(phone).replace(/^8/, "+7"));
}

test("a customer changes the phone with the SMS code and signs in with the new phone", async ({
  page,
  context,
}, info) => {
  const customer = await signUp(page, info);
  const phone = makeCustomer().phone;
  const { dialog } = await openPhoneDialog(page);
  await dialog.getByLabel("Новый номер мобильного телефона").fill(spelled(phone));
  // A change of login needs the current password: a wrong one is said beside it.
  await dialog.getByLabel("Текущий пароль").fill("Not-my-password-1");
  await dialog.getByRole("button", { name: "Получить код" }).click();
  await expect(dialog.getByLabel("Текущий пароль")).toHaveAccessibleDescription(/Текущий пароль введён неверно\./);
  await expect(dialog.getByLabel("Новый номер мобильного телефона")).toHaveValue(spelled(phone));
  await provePhone(page, context, { password: customer.password, phone });
  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ phone: string }>(`SELECT phone FROM "User" WHERE email = $1`, [
      customer.email,
    ]);
    expect(rows).toEqual([{ phone }]);
    // The previous number (typed at registration here) hears of the change, but the «Это был не я»
    // link comes only by e-mail: whoever has that number now must not get a way in.
    const sms = newestMessage(await openOutbox(context, customer.phone));
    await expect(sms).toContainText("отмените изменение по ссылке из письма на e-mail учётной записи");
    await expect(sms.getByRole("link")).toHaveCount(0);
    await sms.page().close();
  }

  await signOut(page);
  await signIn(page, spelled(phone), customer.password);
});

test("a phone someone typed at registration goes to the customer who proves it by SMS", async ({
  page,
  context,
}, info) => {
  // Someone registers with a number that is not theirs: nobody proves a phone at registration.
  const squatter = makeCustomer();
  await page.goto("/register");
  await page.getByLabel("ФИО").fill(squatter.fullName);
  await page.getByLabel("E-mail").fill(squatter.email);
  await page.getByLabel("Мобильный телефон (необязательно)").fill(spelled(squatter.phone));
  await page.getByLabel("Пароль", { exact: true }).fill(squatter.password);
  await page.getByLabel("Пароль ещё раз").fill(squatter.password);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { name: /Здравствуйте/ })).toBeVisible();
  await signOut(page);

  // The number's owner adds it with the code the number receives: it is theirs now, not the squatter's.
  const owner = await signUp(page, info);
  const { dialog } = await openPhoneDialog(page);
  await dialog.getByLabel("Новый номер мобильного телефона").fill(spelled(squatter.phone));
  await provePhone(page, context, { password: owner.password, phone: squatter.phone });
  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ email: string; phone: string | null; proved: boolean }>(
      `SELECT email, phone, "phoneConfirmedAt" IS NOT NULL AS proved FROM "User" WHERE email IN ($1, $2) ORDER BY email = $1 DESC`,
      [owner.email, squatter.email],
    );
    expect(rows).toEqual([
      { email: owner.email, phone: squatter.phone, proved: true },
      { email: squatter.email, phone: null, proved: false },
    ]);
  }

  // The number signs the owner in; the squatter keeps their account, reached by e-mail only.
  await signOut(page);
  await signIn(page, spelled(squatter.phone), owner.password);
  await signOut(page);
  await signIn(page, squatter.email, squatter.password);
  await openProfile(page);
  await expect(
    page.getByRole("region", { name: "Контакты" }).getByRole("button", { name: "Указать телефон" }),
  ).toBeVisible();
});

test("a new customer confirms the e-mail to link an account, then gets its bills by e-mail", async ({
  page,
  context,
}, info) => {
  // In the mock every load of the cabinet generates its world of accounts again; this journey loads
  // it twice and opens a second tab, on a machine that also runs the other journeys.
  test.slow(isMock(info), "the mock generates its world on each load");
  const customer = await signUp(page, info, makeCustomer(), { confirmed: false });
  // Linking needs a confirmed e-mail or phone: the dialog says so and leads to the profile.
  await page.getByRole("button", { name: "Добавить лицевой счёт" }).click();
  const start = page.getByRole("dialog", { name: "Добавить лицевой счёт" });
  const first = papersOf(BILLS_ACCOUNT);
  await start.getByLabel("Поставщик").selectOption({ label: first.supplierName });
  await start.getByLabel("Номер лицевого счёта").fill(first.accountNumber);
  await start.getByRole("button", { name: "Подключить" }).click();
  await expect(start.getByRole("alert")).toContainText(
    "подтвердите в профиле адрес электронной почты или номер телефона",
  );
  await expectNoA11yViolations(page);
  await start.getByRole("link", { name: "Перейти в профиль" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Профиль" })).toBeVisible();

  const contacts = page.getByRole("region", { name: "Контакты" });
  await expect(contacts).toContainText("не подтверждён");
  await contacts.getByRole("button", { name: "Подтвердить e-mail" }).click();
  const dialog = page.getByRole("dialog", { name: "Подтверждение e-mail" });
  await expect(dialog.getByText(/Мы отправили код на/)).toContainText(customer.email);
  await dialog.getByLabel("Код из письма").fill(await codeSentTo(context, customer.email));
  await dialog.getByRole("button", { name: "Подтвердить" }).click();
  await expect(contacts.getByRole("status").filter({ hasText: "Адрес электронной почты подтверждён." })).toBeVisible();

  const papers = await linkAccount(page, BILLS_ACCOUNT);
  await openProfile(page);
  const bills = page.getByRole("region", { name: "Получение счёта по e-mail" });
  const account = bills.getByRole("article", { name: `Лицевой счёт № ${papers.accountNumber}` });
  await expect(account).toContainText("на бумаге");
  await account.getByRole("button", { name: "Получать по e-mail" }).click();
  await expect(
    account.getByRole("status").filter({
      hasText: `Счёт будет приходить на ${customer.email}. Бумажная квитанция по этому счёту больше не доставляется.`,
    }),
  ).toBeVisible();

  await page.reload();
  await expect(account).toContainText(`Счёт приходит на ${customer.email}.`);
  await expect(account).toContainText("Бумажная квитанция по этому счёту больше не доставляется.");
  await expect(account.getByRole("button", { name: "Вернуть бумажную квитанцию" })).toBeVisible();
  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ method: string; email: string | null }>(
      `SELECT "billDelivery"::text AS method, "billEmail" AS email FROM "PersonalAccount" WHERE number = $1`,
      [papers.accountNumber],
    );
    expect(rows).toEqual([{ method: "EMAIL", email: customer.email }]);
  }
});

test("a customer changes the password: a wrong current one is refused, then the new one signs in", async ({
  page,
}, info) => {
  const customer = await signUp(page, info);
  await openProfile(page);
  const card = page.getByRole("region", { name: "Пароль" });
  const current = card.getByLabel("Текущий пароль");
  await current.fill("Wrong-password-1");
  await card.getByLabel("Новый пароль", { exact: true }).fill("Changed-pass-2026");
  await card.getByLabel("Новый пароль ещё раз").fill("Changed-pass-2026");
  await card.getByRole("button", { name: "Сменить пароль" }).click();
  await expect(current).toHaveAccessibleDescription(/Текущий пароль введён неверно\./);
  await expect(current).toBeFocused();

  await current.fill(customer.password);
  await card.getByRole("button", { name: "Сменить пароль" }).click();
  await expect(
    card.getByRole("status").filter({ hasText: "Пароль изменён. Все другие сеансы завершены." }),
  ).toBeVisible();
  await expect(current).toHaveValue("");
  // Every session ended, this one too; this browser went on in a new one and stays signed in.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Профиль" })).toBeVisible();

  await signOut(page);
  await signIn(page, customer.email, "Changed-pass-2026");
});

test("a customer who forgot the password sets a new one by the link in the mail", async ({ page, context }, info) => {
  const customer: Customer = await signUp(page, info);
  await signOut(page);
  await page.getByRole("link", { name: "Забыли пароль?" }).click();
  // The page is loaded on demand: wait for it, or the sign-in form's field could take the text.
  await expect(page.getByRole("heading", { name: "Восстановление пароля" })).toBeVisible();
  await page.getByLabel("E-mail", { exact: true }).fill(customer.email);
  await page.getByRole("button", { name: "Получить ссылку" }).click();
  await expect(
    page.getByRole("status").filter({
      hasText: `Если адрес ${customer.email} зарегистрирован, мы отправили на него письмо со ссылкой`,
    }),
  ).toBeVisible();

  // The mail, in another tab: its link opens the form for the new password.
  const mail = await openOutbox(context, customer.email);
  const link = newestMessage(mail).getByRole("link", { name: /\/reset-password\?token=/ });
  const href = (await link.getAttribute("href")) ?? "";
  const target = new URL(href, mail.url());
  await mail.goto(target.pathname + target.search);
  await mail.getByLabel("Новый пароль", { exact: true }).fill("Reset-pass-2026");
  await mail.getByLabel("Новый пароль ещё раз").fill("Reset-pass-2026");
  await mail.getByRole("button", { name: "Сохранить пароль" }).click();
  await expect(mail.getByRole("heading", { name: "Пароль изменён" })).toBeVisible();
  await mail.getByRole("link", { name: "Войти" }).click();
  await signIn(mail, customer.email, "Reset-pass-2026");
});
