import { AuthSession, routes, UNDO_TAKEN_MESSAGE } from "@lk/contract";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setUpMockApiServer } from "../testing/mocks/handlers/mock-api-server.ts";
import { mockDb } from "../testing/mocks/mock-db.ts";
import { codeIn, tokenIn } from "../testing/outbox-text.ts";
import { App } from "./App.tsx";

// Stored settings (the mock's date) go first; then the mock API with a freshly seeded state.
beforeEach(() => window.localStorage.clear());
setUpMockApiServer();
afterEach(cleanup);

const post = async (path: string, body: unknown, token?: string) =>
  fetch(new URL(path, window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

const demo = () => mockDb.state.users.find((u) => u.id === mockDb.state.users[0]?.id);

/**
 * The demo customer signed in here (the refresh "cookie" set) and their login changed to `value`
 * with the password and the code, as a thief holding both would. Returns the link from the notice
 * to the previous address.
 */
async function changedBySomeone(kind: "EMAIL" | "PHONE", value: string): Promise<string> {
  const signedIn = await post(routes.auth.signIn.path, {
    login: DEMO_CUSTOMER.email,
    password: DEMO_CUSTOMER.password,
  });
  const { accessToken } = AuthSession.parse(await signedIn.json());
  await post(
    routes.profile.sendContactCode.path,
    { kind, value, currentPassword: DEMO_CUSTOMER.password },
    accessToken,
  );
  const code = codeIn(mockDb.state.outbox.filter((m) => m.to === value).at(-1)?.text);
  await post(routes.profile.confirmContact.path, { kind, code }, accessToken);
  // The link is in the letter (a phone change's SMS to the previous number carries none).
  const notice = mockDb.state.outbox.filter((m) => m.kind === "CONTACT_CHANGED" && m.channel === "EMAIL").at(-1);
  return `/undo-contact-change?token=${tokenIn(notice?.text, "/undo-contact-change")}`;
}

function open(path: string) {
  window.history.replaceState(null, "", path);
  render(<App />);
}

describe("«Отменить изменение контактов» (mock API)", () => {
  it("puts the previous e-mail back only when the button is pressed, and ends every session", async () => {
    const link = await changedBySomeone("EMAIL", "thief@example.ru");
    const user = userEvent.setup();
    open(link);
    expect(await screen.findByRole("heading", { level: 1, name: "Отменить изменение контактов" })).toBeInTheDocument();
    // Opening the link (a mail scanner does too) changes nothing.
    expect(demo()?.email).toBe("thief@example.ru");

    await user.click(screen.getByRole("button", { name: "Вернуть прежний адрес" }));
    const done = await screen.findByText(/^Готово:/);
    expect(done).toHaveAttribute("role", "status");
    expect(done).toHaveTextContent(
      `Готово: вход снова по ${DEMO_CUSTOMER.email}. Все сеансы завершены, прежний пароль больше не действует: задайте новый.`,
    );
    expect(demo()?.email).toBe(DEMO_CUSTOMER.email);
    expect(mockDb.state.accessTokens).toEqual({});
    // The old password, which whoever changed the address knew, no longer signs in.
    const withOld = await post(routes.auth.signIn.path, {
      login: DEMO_CUSTOMER.email,
      password: DEMO_CUSTOMER.password,
    });
    expect(withOld.status).toBe(401);

    // A new password at once, from the page itself; then nobody is signed in here: «Войти» shows the form.
    await user.click(screen.getByRole("link", { name: "Задать новый пароль" }));
    await user.type(await screen.findByLabelText("Новый пароль"), "Новый-пароль-1");
    await user.type(screen.getByLabelText("Новый пароль ещё раз"), "Новый-пароль-1");
    await user.click(screen.getByRole("button", { name: "Сохранить пароль" }));
    await user.click(await screen.findByRole("link", { name: "Войти" }));
    expect(await screen.findByLabelText("E-mail или номер телефона")).toBeInTheDocument();
    const withNew = await post(routes.auth.signIn.path, { login: DEMO_CUSTOMER.email, password: "Новый-пароль-1" });
    expect(withNew.status).toBe(200);
  });

  it("names the phone as people write it", async () => {
    const link = await changedBySomeone("PHONE", "+79160008800");
    const user = userEvent.setup();
    open(link);
    await user.click(await screen.findByRole("button", { name: "Вернуть прежний адрес" }));
    expect(await screen.findByText(/^Готово:/)).toHaveTextContent("Готово: вход снова по +7 999 000-00-01.");
  });

  it("says a used link no longer works, with the ways on", async () => {
    const link = await changedBySomeone("EMAIL", "thief@example.ru");
    await post(routes.auth.undoContactChange.path, {
      token: new URL(link, window.location.origin).searchParams.get("token"),
    });
    const user = userEvent.setup();
    open(link);
    await user.click(await screen.findByRole("button", { name: "Вернуть прежний адрес" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Ссылка для отмены изменения недействительна, уже использована или устарела.",
    );
    expect(screen.queryByRole("button", { name: "Вернуть прежний адрес" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Войти" })).toHaveAttribute("href", "/sign-in");
  });

  it("says when the previous address has been taken by someone else since", async () => {
    const link = await changedBySomeone("EMAIL", "new@example.ru");
    await post(routes.auth.register.path, {
      email: DEMO_CUSTOMER.email,
      fullName: "Другой Человек",
      password: "abcd1234",
    });
    const user = userEvent.setup();
    open(link);
    await user.click(await screen.findByRole("button", { name: "Вернуть прежний адрес" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(UNDO_TAKEN_MESSAGE.EMAIL);
    expect(demo()?.email).toBe("new@example.ru");
  });

  it("explains a link cut short without asking the server", async () => {
    open("/undo-contact-change?token=abc");
    const card = await screen.findByRole("main");
    expect(within(card).getByRole("alert")).toHaveTextContent(
      "Ссылка для отмены неполная. Откройте её из письма целиком.",
    );
    expect(within(card).queryByRole("button")).not.toBeInTheDocument();
    cleanup();
    open("/undo-contact-change");
    expect(await screen.findByRole("alert")).toHaveTextContent("Ссылка для отмены неполная.");
  });
});
