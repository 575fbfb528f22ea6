import { DEMO_CUSTOMER, DEMO_LINKABLE_ACCOUNTS, linkHintsOf } from "@lk/demo-data";
import { formatAmount } from "@lk/domain";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handlers } from "../testing/mocks/handlers/index.ts";
import { mockDb } from "../testing/mocks/mock-db.ts";
import { mockWorld } from "../testing/mocks/mock-world.ts";
import { seedMockDb } from "../testing/mocks/seed.ts";
import { App } from "./App.tsx";

// jsdom has <dialog> but not its modal methods; the attribute is what the tests look at.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.removeAttribute("open");
};

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(cleanup);
afterAll(() => server.close());

/** Signed in as the demo customer (the refresh "cookie" set), on `path` (the main page by default). */
async function openCabinet(path = "/") {
  mockDb.reset();
  seedMockDb();
  await fetch(new URL("/api/auth/sign-in", window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  window.history.replaceState(null, "", path);
  render(<App />);
  return screen.findByRole("heading", { level: 1, name: /^Лицевой счёт/ });
}

const sidebar = () => screen.getByRole("complementary", { name: "Лицевые счета" });

describe("personal accounts in the cabinet (mock API)", () => {
  beforeEach(() => window.localStorage.clear());

  it("opens the primary account's page, with its balance, bill and meters", async () => {
    const first = mockWorld().bundles[0]?.account;
    const heading = await openCabinet();
    expect(heading).toHaveTextContent(`Лицевой счёт № ${first?.number}`);
    expect(window.location.pathname).toBe(`/accounts/${first?.id}`);
    const link = within(sidebar()).getByRole("link", { name: new RegExp(`№ ${first?.number}`) });
    expect(link).toHaveAttribute("aria-current", "page");
    expect(link).toHaveTextContent("основной");
    expect(screen.getByRole("heading", { name: /^Последний счёт за/ })).toBeInTheDocument();
    const meters = screen.getByRole("region", { name: "Приборы учёта" });
    expect(within(meters).getByRole("heading", { name: /^Счётчик .+, № / })).toBeInTheDocument();
    expect(screen.getByText(/^Поверка до \d{2}\.\d{2}\.\d{4}/)).toBeInTheDocument();
  });

  it("links an account by the control question, after a wrong answer, and removes it again", async () => {
    const user = userEvent.setup();
    const bundle = mockWorld().bundles[DEMO_LINKABLE_ACCOUNTS[0]];
    if (!bundle) throw new Error("no linkable account");
    const hints = linkHintsOf(bundle, new Date());
    await openCabinet();

    await user.click(screen.getByRole("button", { name: "Добавить лицевой счёт" }));
    const start = await screen.findByRole("dialog", { name: "Добавить лицевой счёт" });
    const supplier = await within(start).findByLabelText("Поставщик");
    await waitFor(() => expect(supplier).toHaveFocus());
    await user.selectOptions(supplier, hints.supplierId);
    expect(within(start).getByText("10 цифр, например 7700000000")).toBeInTheDocument();
    await user.type(within(start).getByLabelText("Номер лицевого счёта"), "123");
    await user.click(within(start).getByRole("button", { name: "Подключить" }));
    expect(await within(start).findByText(/10 цифр, например 7700000000\./)).toBeInTheDocument();
    await user.clear(within(start).getByLabelText("Номер лицевого счёта"));
    await user.type(within(start).getByLabelText("Номер лицевого счёта"), hints.accountNumber);
    await user.click(within(start).getByRole("button", { name: "Подключить" }));

    const confirm = await screen.findByRole("dialog", { name: "Ответьте на контрольный вопрос" });
    expect(within(confirm).getByText("Осталось попыток: 5")).toBeInTheDocument();
    await user.type(within(confirm).getByLabelText("Ответ"), "1,00");
    await user.click(within(confirm).getByRole("button", { name: "Подтвердить" }));
    expect(await within(confirm).findByRole("alert")).toHaveTextContent("Ответ неверный. Осталось попыток: 4.");
    expect(within(confirm).getByLabelText("Ответ")).toHaveValue("1,00");

    await user.clear(within(confirm).getByLabelText("Ответ"));
    await user.type(within(confirm).getByLabelText("Ответ"), formatAmount(hints.billTotal ?? 0));
    await user.click(within(confirm).getByRole("button", { name: "Подтвердить" }));
    expect(
      await within(sidebar()).findByText(`Лицевой счёт № ${hints.accountNumber} успешно подключён`),
    ).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe(`/accounts/${bundle.account.id}`));
    // The router renders the new page in a transition: the old heading may still be there for a moment.
    expect(
      await screen.findByRole("heading", { level: 1, name: `Лицевой счёт № ${hints.accountNumber}` }),
    ).toBeInTheDocument();

    const actions = within(sidebar()).getByRole("button", { name: `Действия со счётом № ${hints.accountNumber}` });
    await user.click(actions);
    const menu = screen.getByRole("menu");
    expect(within(menu).getByRole("menuitem", { name: "Сделать основным" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("menuitem", { name: "Удалить" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(actions).toHaveFocus();
    await user.click(actions);
    await user.click(screen.getByRole("menuitem", { name: "Удалить" }));
    const ask = await screen.findByRole("dialog", { name: "Удалить лицевой счёт?" });
    await user.click(within(ask).getByRole("button", { name: "Удалить" }));
    await waitFor(() =>
      expect(within(sidebar()).queryByRole("link", { name: new RegExp(hints.accountNumber) })).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(window.location.pathname).toBe(`/accounts/${mockWorld().bundles[0]?.account.id}`));
  });

  it("says an account that is not the customer's is not found, with a way back", async () => {
    const stranger = mockWorld().bundles[5]?.account.id;
    const heading = await openCabinet(`/accounts/${stranger}`);
    expect(heading).toHaveTextContent("Лицевой счёт не найден");
    expect(screen.getByRole("link", { name: "На главную" })).toHaveAttribute("href", "/");
  });
});
