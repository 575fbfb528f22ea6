import { routes } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";
import { customer, linked, papersOf, UNKNOWN } from "../world.ts";

const MOS = "mosenergosbyt";

export const accountScenarios: Scenario[] = [
  {
    feature: "accounts",
    name: "linking: format, a wrong answer, the right one, then the account is listed as primary",
    async run(api) {
      const c = await customer(api);
      const papers = papersOf(1);
      api.see((await api.call("list", routes.accounts.list, {}, c.token)).accounts.length);
      await api.call("suppliers", routes.accounts.suppliers, {}, c.token);
      await api.call(
        "bad format",
        routes.accounts.startLink,
        { body: { supplierId: MOS, accountNumber: "12" } },
        c.token,
      );
      const start = await api.call(
        "start",
        routes.accounts.startLink,
        { body: { supplierId: MOS, accountNumber: papers.accountNumber } },
        c.token,
      );
      api.see(start.attemptsLeft);
      const body = { supplierId: MOS, accountNumber: papers.accountNumber, question: "BILL_TOTAL" as const };
      await api.call("wrong answer", routes.accounts.confirmLink, { body: { ...body, answer: "1,23" } }, c.token);
      const right = await api.call(
        "right answer",
        routes.accounts.confirmLink,
        { body: { ...body, answer: papers.billTotalText } },
        c.token,
      );
      api.see(right.account.isPrimary);
      const list = await api.call("list again", routes.accounts.list, {}, c.token);
      api.see(list.accounts.map((a) => [a.number, a.isPrimary]));
      await api.call(
        "start again",
        routes.accounts.startLink,
        { body: { supplierId: MOS, accountNumber: papers.accountNumber } },
        c.token,
      );
      await api.call(
        "unknown number",
        routes.accounts.confirmLink,
        { body: { ...body, accountNumber: "7799000001", answer: "1,23" } },
        c.token,
      );
    },
    expected: [
      step("list", 200, undefined, 0),
      step("suppliers", 200),
      step("bad format", 400, "VALIDATION_FAILED"),
      step("start", 200, undefined, 5),
      step("wrong answer", 422, "WRONG_ANSWER"),
      step("right answer", 201, undefined, true),
      step("list again", 200, undefined, [["7700000001", true]]),
      step("start again", 409, "ACCOUNT_ALREADY_LINKED"),
      step("unknown number", 422, "WRONG_ANSWER"),
    ],
  },
  {
    feature: "accounts",
    name: "linking needs a proved e-mail or phone",
    async run(api) {
      const c = await customer(api, { confirmed: false });
      await api.call(
        "start",
        routes.accounts.startLink,
        { body: { supplierId: MOS, accountNumber: papersOf(2).accountNumber } },
        c.token,
      );
    },
    expected: [step("start", 403, "CONTACT_NOT_CONFIRMED")],
  },
  {
    feature: "accounts",
    name: "the account page, another customer's 404, «Удалить» and the primary account",
    async run(api) {
      const c = await customer(api);
      const other = await customer(api);
      const first = await linked(api, c, 10);
      const second = await linked(api, c, 11);
      const page = await api.call("page", routes.accounts.get, { params: { accountId: first } }, c.token);
      api.see([page.number, page.isPrimary, page.meters.length]);
      await api.call("foreign page", routes.accounts.get, { params: { accountId: first } }, other.token);
      await api.call("unlink primary", routes.accounts.unlink, { params: { accountId: first } }, c.token);
      const made = await api.call(
        "make primary",
        routes.accounts.makePrimary,
        { params: { accountId: second } },
        c.token,
      );
      api.see(made.accounts.map((a) => [a.number, a.isPrimary]));
      await api.call("unlink", routes.accounts.unlink, { params: { accountId: first } }, c.token);
      api.see((await api.call("list", routes.accounts.list, {}, c.token)).accounts.map((a) => a.number));
      await api.call("foreign unlink", routes.accounts.unlink, { params: { accountId: second } }, other.token);
    },
    expected: [
      step("page", 200, undefined, ["7700000010", true, 1]),
      step("foreign page", 404, "NOT_FOUND"),
      step("unlink primary", 409, "PRIMARY_ACCOUNT"),
      step("make primary", 200, undefined, [
        ["7700000011", true],
        ["7700000010", false],
      ]),
      step("unlink", 204),
      step("list", 200, undefined, ["7700000011"]),
      step("foreign unlink", 404, "NOT_FOUND"),
    ],
  },
  {
    feature: "accounts",
    name: "«Переименовать»: the name is the customer's, not the account's; empty removes it",
    async run(api) {
      const c = await customer(api);
      const other = await customer(api);
      const accountId = await linked(api, c, 12);
      await linked(api, other, 12);
      const rename = (name: string, nickname: string, token: string) =>
        api.call(name, routes.accounts.rename, { params: { accountId }, body: { nickname } }, token);
      api.see((await rename("rename", "  Дача ", c.token)).accounts.map((a) => a.nickname));
      api.see((await api.call("page", routes.accounts.get, { params: { accountId } }, c.token)).nickname);
      api.see((await api.call("other's list", routes.accounts.list, {}, other.token)).accounts[0]?.nickname);
      await rename("too long", "д".repeat(41), c.token);
      api.see((await rename("remove", "", c.token)).accounts.map((a) => a.nickname));
      await api.call(
        "unknown account",
        routes.accounts.rename,
        { params: { accountId: UNKNOWN }, body: { nickname: "Чужая" } },
        c.token,
      );
    },
    expected: [
      step("rename", 200, undefined, ["Дача"]),
      step("page", 200, undefined, "Дача"),
      step("other's list", 200, undefined, null),
      step("too long", 400, "VALIDATION_FAILED"),
      step("remove", 200, undefined, [null]),
      step("unknown account", 404, "NOT_FOUND"),
    ],
  },
];
