import { DEMO_CUSTOMER } from "@lk/demo-data";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setUpMockApiServer } from "../testing/mocks/handlers/mock-api-server.ts";
import { mockDb } from "../testing/mocks/mock-db.ts";
import { mockWorld } from "../testing/mocks/mock-world.ts";
import { codeIn } from "../testing/outbox-text.ts";
import { App } from "./App.tsx";

// Stored settings (the mock's date) go first; then the mock API with a freshly seeded state.
beforeEach(() => window.localStorage.clear());
setUpMockApiServer();
afterEach(cleanup);

const ANNA = { email: "anna@example.ru", password: "Pass-word-2026" };

/** A customer who registered a moment ago (e-mail not confirmed), with the demo's primary account linked. */
function addAnna() {
  const id = crypto.randomUUID();
  mockDb.state.users.push({
    id,
    email: ANNA.email,
    phone: null,
    fullName: "Смирнова Анна Сергеевна",
    role: "CUSTOMER",
    password: ANNA.password,
    emailConfirmed: false,
  });
  const accountId = mockWorld().bundles[0]?.account.id ?? "";
  mockDb.state.accountLinks.push({ userId: id, accountId, isPrimary: true, linkedAt: new Date().toISOString() });
  mockDb.save();
  return id;
}

/** Signed in (the refresh "cookie" set) and on the profile page. */
async function openProfile(login: { email: string; password: string } = DEMO_CUSTOMER) {
  await fetch(new URL("/api/auth/sign-in", window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: login.email, password: login.password }),
  });
  window.history.replaceState(null, "", "/profile");
  render(<App />);
  await screen.findByRole("heading", { level: 1, name: "Профиль" });
  return {
    contacts: await screen.findByRole("region", { name: "Контакты" }),
    bills: screen.getByRole("region", { name: "Получение счёта по e-mail" }),
  };
}

/** The code in the newest message to `to`, as the customer reads it in the mail or SMS. */
function codeSentTo(to: string): string {
  return codeIn(mockDb.state.outbox.filter((m) => m.to === to).at(-1)?.text);
}

describe("the profile (mock API)", () => {
  it("changes the phone with the SMS code, after a wrong code says how many tries are left", async () => {
    const user = userEvent.setup();
    const { contacts } = await openProfile();
    await user.click(within(contacts).getByRole("button", { name: "Изменить телефон" }));
    const dialog = await screen.findByRole("dialog", { name: "Изменение телефона" });
    await user.type(within(dialog).getByLabelText("Новый номер мобильного телефона"), "8 916 555-44-33");
    const password = within(dialog).getByLabelText("Текущий пароль");
    expect(password).toHaveAttribute("type", "password");
    expect(password).toHaveAttribute("autocomplete", "current-password");
    await user.type(password, DEMO_CUSTOMER.password);
    await user.click(within(dialog).getByRole("button", { name: "Получить код" }));

    expect(await within(dialog).findByText(/Мы отправили код на/)).toHaveTextContent("+7 916 555-44-33");
    const field = within(dialog).getByLabelText("Код из SMS");
    expect(field).toHaveAttribute("inputmode", "numeric");
    expect(field).toHaveAttribute("autocomplete", "one-time-code");
    expect(within(dialog).getByRole("button", { name: /Отправить код ещё раз/ })).toBeDisabled();
    // The code is in the SMS only, never on the screen.
    const code = codeSentTo("+79165554433");
    expect(dialog).not.toHaveTextContent(code);

    await user.type(field, code === "000000" ? "111111" : "000000");
    await user.click(within(dialog).getByRole("button", { name: "Подтвердить" }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Неверный код. Осталось попыток: 4./));
    expect(field).toHaveAttribute("aria-invalid", "true");

    await user.clear(field);
    await user.type(field, code);
    await user.click(within(dialog).getByRole("button", { name: "Подтвердить" }));
    expect(await within(contacts).findByText("Телефон изменён.")).toHaveAttribute("role", "status");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(contacts).toHaveTextContent("+7 916 555-44-33");
    expect(mockDb.state.users.find((u) => u.email === DEMO_CUSTOMER.email)?.phone).toBe("+79165554433");
  });

  it("needs the current password to change the e-mail: missing or wrong, it is named beside its field", async () => {
    const user = userEvent.setup();
    const { contacts } = await openProfile();
    await user.click(within(contacts).getByRole("button", { name: "Изменить e-mail" }));
    const dialog = await screen.findByRole("dialog", { name: "Изменение e-mail" });
    const email = within(dialog).getByLabelText("Новый e-mail");
    const password = within(dialog).getByLabelText("Текущий пароль");
    await user.type(email, "maria.new@example.ru");
    await user.click(within(dialog).getByRole("button", { name: "Получить код" }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(/^Введите текущий пароль\./));
    expect(password).toHaveFocus();

    await user.type(password, "Wrong-pass-1");
    await user.click(within(dialog).getByRole("button", { name: "Получить код" }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(/^Текущий пароль введён неверно\./));
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(password).toHaveFocus();
    // Nothing typed is lost.
    expect(email).toHaveValue("maria.new@example.ru");
    expect(password).toHaveValue("Wrong-pass-1");
    expect(mockDb.state.outbox).toEqual([]);

    await user.clear(password);
    await user.type(password, DEMO_CUSTOMER.password);
    await user.click(within(dialog).getByRole("button", { name: "Получить код" }));
    expect(await within(dialog).findByText(/Мы отправили код на/)).toHaveTextContent("maria.new@example.ru");
    // Back from the code step: both values as they were.
    await user.click(within(dialog).getByRole("button", { name: "Указать другой адрес" }));
    expect(within(dialog).getByLabelText("Новый e-mail")).toHaveValue("maria.new@example.ru");
    expect(within(dialog).getByLabelText("Текущий пароль")).toHaveValue(DEMO_CUSTOMER.password);
  });

  it("refuses another customer's e-mail only once its code is typed, beside the address, keeping what was typed", async () => {
    addAnna();
    const user = userEvent.setup();
    const { contacts } = await openProfile(ANNA);
    await user.click(within(contacts).getByRole("button", { name: "Изменить e-mail" }));
    const dialog = await screen.findByRole("dialog", { name: "Изменение e-mail" });
    await user.type(within(dialog).getByLabelText("Новый e-mail"), DEMO_CUSTOMER.email);
    await user.type(within(dialog).getByLabelText("Текущий пароль"), ANNA.password);
    await user.click(within(dialog).getByRole("button", { name: "Получить код" }));
    // The code goes out as to any address: the form tells nobody who is registered.
    const code = await within(dialog).findByLabelText("Код из письма");
    await user.type(code, codeSentTo(DEMO_CUSTOMER.email));
    await user.click(within(dialog).getByRole("button", { name: "Подтвердить" }));

    const field = await within(dialog).findByLabelText("Новый e-mail");
    await waitFor(() => expect(field).toHaveAccessibleDescription(/уже используется другой учётной записью/));
    expect(field).toHaveValue(DEMO_CUSTOMER.email);
    expect(within(dialog).getByLabelText("Текущий пароль")).toHaveValue(ANNA.password);
    await user.click(within(dialog).getByRole("button", { name: "Отмена" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(mockDb.state.users.find((u) => u.email === ANNA.email)).toBeDefined();
  });

  it("confirms a phone typed at registration with an SMS code, without the password", async () => {
    const anna = addAnna();
    const stored = mockDb.state.users.find((u) => u.id === anna);
    if (stored) stored.phone = "+79160007700";
    mockDb.save();
    const user = userEvent.setup();
    const { contacts } = await openProfile(ANNA);
    const phoneRow = within(contacts).getByText("Мобильный телефон").closest("div") as HTMLElement;
    expect(phoneRow).toHaveTextContent("+7 916 000-77-00 не подтверждён");
    // Neither contact is proved: the e-mail's note says linking waits for it too.
    expect(contacts).toHaveTextContent("Подтвердите адрес, чтобы получать на него счета и подключать лицевые счета.");

    await user.click(within(contacts).getByRole("button", { name: "Подтвердить телефон" }));
    const dialog = await screen.findByRole("dialog", { name: "Подтверждение телефона" });
    expect(within(dialog).queryByLabelText("Текущий пароль")).not.toBeInTheDocument();
    await user.type(within(dialog).getByLabelText("Код из SMS"), codeSentTo("+79160007700"));
    await user.click(within(dialog).getByRole("button", { name: "Подтвердить" }));
    expect(await within(contacts).findByText("Номер телефона подтверждён.")).toHaveAttribute("role", "status");
    expect(phoneRow).toHaveTextContent("+7 916 000-77-00 подтверждён");
    expect(within(contacts).queryByRole("button", { name: "Подтвердить телефон" })).not.toBeInTheDocument();
    expect(contacts).toHaveTextContent("Подтвердите адрес, чтобы получать на него счета.");
    // Confirming is no change: nobody is told of one.
    expect(mockDb.state.outbox.filter((m) => m.kind === "CONTACT_CHANGED")).toEqual([]);
  });

  it("confirms the e-mail and switches an account to e-mail bills; back to paper asks first", async () => {
    addAnna();
    const user = userEvent.setup();
    const { contacts, bills } = await openProfile(ANNA);
    expect(within(contacts).getByText("не подтверждён")).toBeInTheDocument();
    const number = mockWorld().bundles[0]?.account.number ?? "";
    const account = await within(bills).findByRole("article", { name: `Лицевой счёт № ${number}` });
    expect(account).toHaveTextContent("на бумаге");

    await user.click(within(account).getByRole("button", { name: "Получать по e-mail" }));
    expect(within(account).getByText(/подтвердите адрес anna@example.ru/)).toHaveAttribute("role", "status");
    await user.click(within(account).getByRole("button", { name: "Подтвердить e-mail" }));
    const dialog = await screen.findByRole("dialog", { name: "Подтверждение e-mail" });
    expect(within(dialog).getByText(/Проверьте папку «Спам»/)).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText("Код из письма"), codeSentTo(ANNA.email));
    await user.click(within(dialog).getByRole("button", { name: "Подтвердить" }));
    expect(await within(contacts).findByText("подтверждён")).toBeInTheDocument();
    expect(within(contacts).getByText("Адрес электронной почты подтверждён.")).toHaveAttribute("role", "status");

    await user.click(within(account).getByRole("button", { name: "Получать по e-mail" }));
    expect(await within(account).findByText(/Счёт будет приходить на anna@example.ru/)).toHaveTextContent(
      "Бумажная квитанция по этому счёту больше не доставляется.",
    );
    expect(mockDb.state.billDelivery[mockWorld().bundles[0]?.account.id ?? ""]?.method).toBe("EMAIL");

    await user.click(within(account).getByRole("button", { name: "Вернуть бумажную квитанцию" }));
    const ask = await screen.findByRole("dialog", { name: "Вернуть бумажную квитанцию?" });
    await user.click(within(ask).getByRole("button", { name: "Вернуть бумажную" }));
    expect(await within(account).findByText("Счёт снова будет приходить на бумаге по почте.")).toBeInTheDocument();
    expect(account).toHaveTextContent("на бумаге");
  });

  it("changes the password: a wrong current one is refused beside its field", async () => {
    const user = userEvent.setup();
    await openProfile();
    const card = screen.getByRole("region", { name: "Пароль" });
    const current = within(card).getByLabelText("Текущий пароль");
    await user.type(current, "Wrong-pass-1");
    await user.type(within(card).getByLabelText("Новый пароль"), "New-pass-2026");
    await user.type(within(card).getByLabelText("Новый пароль ещё раз"), "New-pass-2026");
    await user.click(within(card).getByRole("button", { name: "Сменить пароль" }));
    await waitFor(() => expect(current).toHaveAccessibleDescription("Текущий пароль введён неверно."));
    expect(current).toHaveFocus();

    await user.clear(current);
    await user.type(current, DEMO_CUSTOMER.password);
    await user.click(within(card).getByRole("button", { name: "Сменить пароль" }));
    expect(await within(card).findByText("Пароль изменён. Все другие сеансы завершены.")).toHaveAttribute(
      "role",
      "status",
    );
    expect(current).toHaveValue("");
    expect(mockDb.state.users.find((u) => u.email === DEMO_CUSTOMER.email)?.password).toBe("New-pass-2026");

    // Every session ended, this one went on in a new one: the page still works, signed in.
    expect(Object.keys(mockDb.state.accessTokens)).toHaveLength(1);
    const personal = screen.getByRole("region", { name: "Личные данные" });
    await user.click(within(personal).getByRole("button", { name: "Сохранить ФИО" }));
    expect(await within(personal).findByText("ФИО сохранено.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Профиль" })).toBeInTheDocument();
  });

  it("saves the name and the newsletter consent", async () => {
    const user = userEvent.setup();
    await openProfile();
    const card = screen.getByRole("region", { name: "Личные данные" });
    const name = within(card).getByLabelText("ФИО");
    await user.clear(name);
    await user.type(name, "Петров Пётр Петрович");
    await user.click(within(card).getByRole("button", { name: "Сохранить ФИО" }));
    expect(await within(card).findByText("ФИО сохранено.")).toHaveAttribute("role", "status");
    // The top bar greets the customer by the new name.
    expect(screen.getByRole("navigation", { name: "Учётная запись" })).toHaveTextContent("Пётр");

    await user.click(within(card).getByRole("checkbox", { name: "Получать рекламно-информационную рассылку" }));
    expect(await within(card).findByText(/Вы подписались/)).toHaveAttribute("role", "status");
    expect(within(card).getByRole("checkbox")).toBeChecked();
  });

  it("says when no account is linked yet", async () => {
    const anna = addAnna();
    mockDb.state.accountLinks = mockDb.state.accountLinks.filter((l) => l.userId !== anna);
    mockDb.save();
    const { bills } = await openProfile(ANNA);
    expect(await within(bills).findByText(/Лицевые счета пока не подключены/)).toBeInTheDocument();
  });
});
