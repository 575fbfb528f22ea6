import { expect, type Page, type TestInfo } from "@playwright/test";

export interface Customer {
  email: string;
  phone: string;
  fullName: string;
  password: string;
}

let counter = 0;
export function makeCustomer(): Customer {
  counter += 1;
  const unique = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  const digits = String(Date.now() * 10 + counter).slice(-7);
  return {
    email: `e2e-${unique}@example.ru`,
    phone: `+7999${digits}`,
    fullName: "Смирнова Анна Сергеевна",
    password: "Pass-word-2026",
  };
}

export const isMock = (info: TestInfo) => info.project.name === "mock";

/**
 * A signed-in customer without going through the form (only the registration journey tests the
 * form). Against the real app the API is called from the page's context, so the refresh cookie
 * lands in the browser; the mock API lives inside the page, so there the form is used.
 */
export async function signUp(page: Page, info: TestInfo, customer = makeCustomer()): Promise<Customer> {
  if (isMock(info)) {
    await page.goto("/register");
    await page.getByLabel("ФИО").fill(customer.fullName);
    await page.getByLabel("E-mail").fill(customer.email);
    await page.getByLabel("Пароль", { exact: true }).fill(customer.password);
    await page.getByLabel("Пароль ещё раз").fill(customer.password);
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  } else {
    const response = await page.request.post("/api/auth/register", { data: customer });
    expect(response.status()).toBe(201);
    await page.goto("/");
  }
  await expect(page.getByRole("heading", { name: /Здравствуйте/ })).toBeVisible();
  return customer;
}
