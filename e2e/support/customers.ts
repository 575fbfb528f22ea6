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
 * lands in the browser; the mock API lives inside the page, so there the form is used. The
 * customer's e-mail is confirmed (linking an account needs it) unless `confirmed: false`.
 */
export async function signUp(
  page: Page,
  info: TestInfo,
  customer = makeCustomer(),
  { confirmed = true } = {},
): Promise<Customer> {
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
  // Nothing on the page shows it yet (the profile is asked for when opened), so no reload.
  if (confirmed) await page.evaluate(confirmEmail, { email: customer.email, password: customer.password });
  return customer;
}

/**
 * In the page (so the mock API's worker answers it too): the code to the customer's own e-mail,
 * read from the outbox, typed back, as the profile's «Подтвердить» does.
 */
async function confirmEmail({ email, password }: { email: string; password: string }) {
  const post = async (url: string, body: object, token?: string) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  const { accessToken } = await post("/api/auth/sign-in", { login: email, password });
  await post("/api/profile/contact-codes", { kind: "EMAIL", value: email }, accessToken);
  const outbox = await (await fetch(`/api/dev/outbox?to=${encodeURIComponent(email)}`)).json();
  const code = /(\d{6})/.exec(outbox.messages[0]?.text ?? "")?.[1];
  await post("/api/profile/contact-codes/confirm", { kind: "EMAIL", code }, accessToken);
}
