import { routes } from "@lk/contract";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handlers } from "../testing/mocks/handlers/index.ts";
import { mockDb } from "../testing/mocks/mock-db.ts";
import { sendMessage } from "../testing/mocks/mock-outbox.ts";
import { seedMockDb } from "../testing/mocks/seed.ts";
import { tokenIn } from "../testing/outbox-text.ts";
import { App } from "./App.tsx";

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  window.localStorage.clear();
  mockDb.reset();
  seedMockDb();
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

function open(path: string) {
  window.history.replaceState(null, "", path);
  render(<App />);
}

describe("«Забыли пароль?» (mock API)", () => {
  it("sends a link by e-mail, sets a new password by it, and the new password signs in", async () => {
    const user = userEvent.setup();
    open("/sign-in");
    await user.click(await screen.findByRole("link", { name: "Забыли пароль?" }));
    await user.type(await screen.findByLabelText("E-mail"), DEMO_CUSTOMER.email);
    await user.click(screen.getByRole("button", { name: "Получить ссылку" }));
    expect(await screen.findByText(/мы отправили на него письмо со ссылкой/)).toHaveAttribute("role", "status");

    const mail = mockDb.state.outbox.at(-1);
    expect(mail).toMatchObject({ channel: "EMAIL", kind: "PASSWORD_RESET", to: DEMO_CUSTOMER.email });
    const token = tokenIn(mail?.text, "/reset-password");
    expect(token).toHaveLength(32);
    cleanup();
    open(`/reset-password?token=${token}`);
    await user.type(await screen.findByLabelText("Новый пароль"), "Reset-pass-2026");
    await user.type(screen.getByLabelText("Новый пароль ещё раз"), "Reset-pass-2027");
    await user.click(screen.getByRole("button", { name: "Сохранить пароль" }));
    expect(await screen.findByText("Пароли не совпадают.")).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Новый пароль ещё раз"));
    await user.type(screen.getByLabelText("Новый пароль ещё раз"), "Reset-pass-2026");
    await user.click(screen.getByRole("button", { name: "Сохранить пароль" }));
    expect(await screen.findByRole("heading", { name: "Пароль изменён" })).toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: "Войти" }));
    await user.type(await screen.findByLabelText("E-mail или номер телефона"), DEMO_CUSTOMER.email);
    await user.type(screen.getByLabelText("Пароль"), "Reset-pass-2026");
    await user.click(screen.getByRole("button", { name: "Войти" }));
    expect(await screen.findByRole("heading", { level: 1, name: /^Лицевой счёт/ })).toBeInTheDocument();
  });

  it("answers the same for an address nobody registered; the letter there says so and offers to register", async () => {
    const user = userEvent.setup();
    open("/forgot-password");
    await user.type(await screen.findByLabelText("E-mail"), "nobody@example.ru");
    await user.click(screen.getByRole("button", { name: "Получить ссылку" }));
    expect(await screen.findByText(/Если адрес nobody@example.ru зарегистрирован/)).toBeInTheDocument();
    expect(mockDb.state.outbox).toEqual([
      expect.objectContaining({ kind: "PASSWORD_RESET_NO_ACCOUNT", to: "nobody@example.ru" }),
    ]);
    expect(mockDb.state.outbox[0]?.text).toContain(`${window.location.origin}/register`);
    expect(mockDb.state.outbox[0]?.text).not.toContain("/reset-password");
  });

  it("says a used or unknown link no longer works and offers a new one", async () => {
    const user = userEvent.setup();
    open(`/reset-password?token=${"x".repeat(32)}`);
    await user.type(await screen.findByLabelText("Новый пароль"), "Reset-pass-2026");
    await user.type(screen.getByLabelText("Новый пароль ещё раз"), "Reset-pass-2026");
    await user.click(screen.getByRole("button", { name: "Сохранить пароль" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Ссылка для восстановления пароля недействительна");
    expect(screen.getByRole("link", { name: "Запросить новую ссылку" })).toHaveAttribute("href", "/forgot-password");
  });
});

describe("/dev/outbox (mock API)", () => {
  it("lists what was sent, newest first, with the links clickable, and filters by recipient", async () => {
    sendMessage({
      channel: "SMS",
      kind: "CONTACT_CODE",
      to: "+79161234567",
      subject: "Код подтверждения",
      text: "Код: 123456.",
    });
    sendMessage({
      channel: "EMAIL",
      kind: "PASSWORD_RESET",
      to: "anna@example.ru",
      subject: "Восстановление пароля",
      text: "Откройте ссылку:\nhttp://localhost/reset-password?token=abc.\nСпасибо",
    });
    const user = userEvent.setup();
    open("/dev/outbox");
    const items = await screen.findAllByRole("article");
    expect(items.map((item) => within(item).getByRole("heading").textContent)).toEqual([
      "Восстановление пароля",
      "Код подтверждения",
    ]);
    expect(within(items[0] as HTMLElement).getByRole("link")).toHaveAttribute(
      "href",
      "http://localhost/reset-password?token=abc",
    );
    expect(items[1]).toHaveTextContent("SMS");
    expect(items[1]).toHaveTextContent("+7 916 123-45-67");

    await user.type(screen.getByLabelText("Получатель"), "8 916 123-45-67");
    await user.click(screen.getByRole("button", { name: "Показать" }));
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(1));
    expect(screen.getByText(/1 сообщение/)).toBeInTheDocument();

    sendMessage({
      channel: "SMS",
      kind: "CONTACT_CODE",
      to: "+79161234567",
      subject: "Новый код",
      text: "Код: 654321.",
    });
    await user.click(screen.getByRole("button", { name: "Обновить" }));
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(2));
  });

  it("says the outbox exists only in development where the API has no such route", async () => {
    server.use(
      http.get(routes.outbox.list.path, () =>
        HttpResponse.json({ error: { code: "NOT_FOUND", message: "Не найдено." } }, { status: 404 }),
      ),
    );
    open("/dev/outbox");
    expect(await screen.findByText("Исходящие доступны только в режиме разработки.")).toBeInTheDocument();
  });
});
