import { signUp } from "../support/customers.ts";
import { expect, test } from "../support/test.ts";

test("the cabinet shows the accounts sidebar, «Профиль» and sign-out, and fits the screen", async ({ page }, info) => {
  const customer = await signUp(page, info);
  const sidebar = page.getByRole("complementary", { name: "Лицевые счета" });
  await expect(sidebar.getByRole("button", { name: "Добавить лицевой счёт" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Профиль" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();

  // No sideways scrolling, on a desktop or a 360-px phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole("link", { name: "Профиль" }).click();
  await expect(page.getByRole("heading", { name: "Профиль" })).toBeVisible();
  await expect(page.getByText(customer.email)).toBeVisible();
});

test("a signed-out visitor of a cabinet page signs in and returns to it", async ({ page }, info) => {
  const customer = await signUp(page, info);
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("heading", { name: "Вход в личный кабинет" })).toBeVisible();
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
  await page.getByLabel("E-mail или номер телефона").fill(customer.email);
  await page.getByLabel("Пароль").fill(customer.password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { name: "Профиль" })).toBeVisible();
});

test("an unknown address shows a page that leads back", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  await expect(page.getByRole("link", { name: "На главную" })).toBeVisible();
});
