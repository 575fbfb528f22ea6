import { isMock, makeCustomer, signUp } from "../support/customers.ts";
import { queryAppDatabase } from "../support/database.ts";
import { expect, test } from "../support/test.ts";

test("a new customer registers, stays signed in after a reload, signs out and signs in again", async ({
  page,
}, info) => {
  const customer = makeCustomer();
  // A visitor who never signed in has no session hint: nothing is asked of the server (no 401).
  const sessionProbes: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/refresh")) sessionProbes.push(request.url());
  });
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Вход в личный кабинет" })).toBeVisible();
  expect(sessionProbes).toEqual([]);
  await page.getByRole("link", { name: "Зарегистрироваться" }).click();

  await page.getByLabel("ФИО").fill(customer.fullName);
  await page.getByLabel("E-mail").fill(customer.email);
  await page.getByLabel("Мобильный телефон (необязательно)").fill(customer.phone);
  await page.getByLabel("Пароль", { exact: true }).fill(customer.password);
  await page.getByLabel("Пароль ещё раз").fill(customer.password);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();

  await expect(page.getByRole("heading", { name: "Здравствуйте, Анна Сергеевна!" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Лицевые счета" })).toBeVisible();
  if (!isMock(info)) {
    const rows = await queryAppDatabase<{ full_name: string; hash: string }>(
      `SELECT "fullName" AS full_name, "passwordHash" AS hash FROM "User" WHERE email = $1`,
      [customer.email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.full_name).toBe(customer.fullName);
    expect(rows[0]?.hash).toMatch(/^\$argon2id\$/);
  }

  await page.reload();
  await expect(page.getByRole("heading", { name: "Здравствуйте, Анна Сергеевна!" })).toBeVisible();
  // The reload restored the session from the cookie (the mock answers inside the page).
  if (!isMock(info)) expect(sessionProbes).toHaveLength(1);

  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Вход в личный кабинет" })).toBeVisible();
  // Signed out on the server too: a reload does not bring the session back.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Вход в личный кабинет" })).toBeVisible();

  await page.getByLabel("E-mail или номер телефона").fill(customer.email);
  await page.getByLabel("Пароль").fill(customer.password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { name: "Здравствуйте, Анна Сергеевна!" })).toBeVisible();
});

test("a wrong password shows a message and keeps the customer on the sign-in page", async ({ page }, info) => {
  const customer = await signUp(page, info);
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("heading", { name: "Вход в личный кабинет" })).toBeVisible();
  await page.getByLabel("E-mail или номер телефона").fill(customer.email);
  await page.getByLabel("Пароль").fill("Wrong-password-1");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("alert")).toHaveText("Неверный логин или пароль.");
  await expect(page).toHaveURL(/\/sign-in$/);
  // What was typed is still there to correct.
  await expect(page.getByLabel("E-mail или номер телефона")).toHaveValue(customer.email);
});

test("registration shows the server's field errors beside the fields", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("ФИО").fill("Иванов Иван");
  await page.getByLabel("E-mail").fill("demo@lk.test");
  await page.getByLabel("Пароль", { exact: true }).fill("Pass-word-2026");
  await page.getByLabel("Пароль ещё раз").fill("Pass-word-2026");
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  const email = page.getByLabel("E-mail");
  await expect(email).toHaveAccessibleDescription(/Этот адрес электронной почты уже зарегистрирован/);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
});

test("the form checks fields before sending and says what to fix", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Пароль", { exact: true }).fill("short");
  await page.getByLabel("Пароль ещё раз").fill("other");
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByText("Укажите ФИО.")).toBeVisible();
  await expect(page.getByText("Введите адрес электронной почты в виде name@example.ru.")).toBeVisible();
  await expect(page.getByText("Пароль должен быть не короче 8 символов.")).toBeVisible();
  await expect(page.getByText("Пароли не совпадают.")).toBeVisible();
});

test("the demo customer signs in with the phone number", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail или номер телефона").fill("+7 999 000-00-01");
  await page.getByLabel("Пароль").fill("Demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  // The demo customer has an account: the cabinet opens on it.
  await expect(page.getByRole("heading", { level: 1, name: "Лицевой счёт № 7700000000" })).toBeVisible();
});
