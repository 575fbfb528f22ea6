import type { Page } from "@playwright/test";
import { isMock, makeCustomer, signUp } from "../support/customers.ts";
import { queryAppDatabase } from "../support/database.ts";
import { codeSentTo, newestMessage, openOutbox } from "../support/outbox.ts";
import { expect, expectNoA11yViolations, test } from "../support/test.ts";

async function openProfile(page: Page) {
  await page.getByRole("navigation", { name: "Учётная запись" }).getByRole("link", { name: "Профиль" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Профиль" })).toBeVisible();
}

test("a customer whose e-mail was changed puts it back from the letter to the old address", async ({
  page,
  context,
}, info) => {
  test.slow(isMock(info), "the mock generates its world on each load");
  // Not confirmed first: that would send an e-mail code, and the next one waits a minute.
  const customer = await signUp(page, info, makeCustomer(), { confirmed: false });
  const taken = makeCustomer().email;

  // Someone in this session (with the password) moves the login to another address.
  await openProfile(page);
  const contacts = page.getByRole("region", { name: "Контакты" });
  await contacts.getByRole("button", { name: "Изменить e-mail" }).click();
  const dialog = page.getByRole("dialog", { name: "Изменение e-mail" });
  await dialog.getByLabel("Новый e-mail").fill(taken);
  await dialog.getByLabel("Текущий пароль").fill(customer.password);
  await dialog.getByRole("button", { name: "Получить код" }).click();
  await dialog.getByLabel("Код из письма").fill(await codeSentTo(context, taken));
  await dialog.getByRole("button", { name: "Подтвердить" }).click();
  await expect(contacts.getByRole("status").filter({ hasText: "E-mail изменён и подтверждён." })).toBeVisible();

  // The old mailbox is told, with a link back.
  const mail = await openOutbox(context, customer.email);
  const notice = newestMessage(mail);
  await expect(notice).toContainText(`адрес электронной почты изменён на ${taken}`);
  const href = (await notice.getByRole("link", { name: /\/undo-contact-change\?token=/ }).getAttribute("href")) ?? "";
  const target = new URL(href, mail.url());
  await mail.goto(target.pathname + target.search);
  await expect(mail.getByRole("heading", { name: "Отменить изменение контактов" })).toBeVisible();
  await expectNoA11yViolations(mail);
  // Opening the link changes nothing: the customer presses the button.
  if (!isMock(info)) {
    const before = await queryAppDatabase<{ email: string }>(`SELECT email FROM "User" WHERE email = $1`, [taken]);
    expect(before).toHaveLength(1);
  }
  await mail.getByRole("button", { name: "Вернуть прежний адрес" }).click();
  await expect(mail.getByRole("heading", { name: "Изменение отменено" })).toBeVisible();
  await expect(
    mail.getByText(
      `Готово: вход снова по ${customer.email}. Все сеансы завершены, прежний пароль больше не действует: задайте новый.`,
    ),
  ).toBeVisible();
  await expectNoA11yViolations(mail);
  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ n: number }>(
      `SELECT count(*)::int AS n FROM "User" WHERE email = $1 AND "emailConfirmedAt" IS NOT NULL`,
      [customer.email],
    );
    expect(rows).toEqual([{ n: 1 }]);
  }

  // The password whoever changed the address knew is over: a new one, straight from the page.
  await mail.getByRole("link", { name: "Задать новый пароль" }).click();
  const newPassword = `${customer.password}-2`;
  await mail.getByLabel("Новый пароль", { exact: true }).fill(newPassword);
  await mail.getByLabel("Новый пароль ещё раз").fill(newPassword);
  await mail.getByRole("button", { name: "Сохранить пароль" }).click();
  await expect(mail.getByRole("link", { name: "Войти" })).toBeVisible();

  // Every session ended, the cabinet's too; the old password no longer signs in, the new one does.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Вход в личный кабинет" })).toBeVisible();
  await page.getByLabel("E-mail или номер телефона").fill(customer.email);
  await page.getByLabel("Пароль").fill(customer.password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await page.getByLabel("Пароль").fill(newPassword);
  await page.getByRole("button", { name: "Войти" }).click();
  // Back on the page left behind, with the address it had.
  await expect(page.getByRole("heading", { level: 1, name: "Профиль" })).toBeVisible();
  await expect(contacts).toContainText(`${customer.email} подтверждён`);

  // The link works once.
  await mail.goto(target.pathname + target.search);
  await mail.getByRole("button", { name: "Вернуть прежний адрес" }).click();
  await expect(mail.getByRole("alert")).toContainText("недействительна, уже использована или устарела");
});
