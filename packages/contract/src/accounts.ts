import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

export const ControlQuestionKind = z.enum(["BILL_TOTAL", "METER_SERIAL", "LAST_PAYMENT"]);
export const TariffPlan = z.enum(["SINGLE", "TWO_ZONE", "THREE_ZONE"]);
export const MeterZone = z.enum(["T1", "T2", "T3"]);
export const ReadingSource = z.enum(["CUSTOMER", "ASKUE", "INSPECTOR", "ESTIMATED"]);

const IsoDate = z.iso.date();
const Instant = z.iso.datetime({ offset: true });
/** A meter value as a decimal string (`12345.6`): no float rounding on the way. */
export const MeterValue = z.string().regex(/^\d+(\.\d{1,3})?$/);
const Kopecks = z.number().int();

export const ControlQuestion = z.object({ kind: ControlQuestionKind, text: z.string() });
export type ControlQuestion = z.infer<typeof ControlQuestion>;

export const SupplierSummary = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  accountNumberExample: z.string(),
  accountNumberHint: z.string(),
  controlQuestions: z.array(ControlQuestion),
});
export type SupplierSummary = z.infer<typeof SupplierSummary>;

export const AccountSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  supplier: z.object({ id: z.string(), shortName: z.string() }),
  address: z.string(),
  /** Street, house and flat: what fits the sidebar. */
  shortAddress: z.string(),
  /** Positive: owed; negative: overpaid. */
  balanceKopecks: Kopecks,
  isPrimary: z.boolean(),
  /**
   * The customer's own name for the account («Дача», «Квартира мамы»), null when none. It is the
   * customer's, kept with their link: another customer of the same account does not see it.
   */
  nickname: z.string().nullable(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const ReadingValue = z.object({ zone: MeterZone, value: MeterValue });

export const MeterSummary = z.object({
  id: z.uuid(),
  serialNumber: z.string(),
  model: z.string(),
  zones: z.array(MeterZone),
  digitCapacity: z.number().int(),
  decimalPlaces: z.number().int(),
  installedAt: IsoDate,
  verificationDue: IsoDate,
  automated: z.boolean(),
  faulty: z.boolean(),
  lastReading: z.object({ takenAt: Instant, source: ReadingSource, values: z.array(ReadingValue) }).nullable(),
});
export type MeterSummary = z.infer<typeof MeterSummary>;

export const BillSummary = z.object({
  id: z.uuid(),
  /** The billed month, `YYYY-MM`. */
  period: z.string().regex(/^\d{4}-\d{2}$/),
  issuedAt: Instant,
  dueDate: IsoDate,
  openingKopecks: Kopecks,
  chargesKopecks: Kopecks,
  /** «Итого по счёту» when positive, «Итого переплата» when negative. */
  totalKopecks: Kopecks,
});
export type BillSummary = z.infer<typeof BillSummary>;

export const AccountDetails = AccountSummary.extend({
  supplier: z.object({ id: z.string(), name: z.string(), shortName: z.string() }),
  ownerName: z.string(),
  residents: z.number().int(),
  rooms: z.number().int(),
  totalArea: z.string(),
  livingArea: z.string(),
  tariffPlan: TariffPlan,
  debtSince: IsoDate.nullable(),
  lastBill: BillSummary.nullable(),
  lastPayment: z.object({ paidAt: Instant, amountKopecks: Kopecks }).nullable(),
  meters: z.array(MeterSummary),
});
export type AccountDetails = z.infer<typeof AccountDetails>;

const SupplierId = z.string({ error: "Выберите поставщика." }).min(1, "Выберите поставщика.").max(64);
const AccountNumberField = z
  .string({ error: "Введите номер лицевого счёта." })
  .trim()
  .min(1, "Введите номер лицевого счёта.")
  .max(32, "Номер лицевого счёта слишком длинный.");

export const StartLinkBody = z.strictObject({ supplierId: SupplierId, accountNumber: AccountNumberField });
export type StartLinkBody = z.input<typeof StartLinkBody>;

export const StartLinkResult = z.object({
  supplierId: z.string(),
  /** The number as the supplier writes it (spaces removed). */
  accountNumber: z.string(),
  questions: z.array(ControlQuestion),
  attemptsLeft: z.number().int().nonnegative(),
});
export type StartLinkResult = z.infer<typeof StartLinkResult>;

export const ConfirmLinkBody = z.strictObject({
  supplierId: SupplierId,
  accountNumber: AccountNumberField,
  question: ControlQuestionKind,
  answer: z.string({ error: "Введите ответ." }).trim().min(1, "Введите ответ.").max(100, "Ответ слишком длинный."),
});
export type ConfirmLinkBody = z.input<typeof ConfirmLinkBody>;

/** The longest name a customer may give an account: what fits the sidebar on a phone. */
export const NICKNAME_MAX = 40;

/** «Переименовать»: a name of the customer's own; an empty one removes it. */
export const RenameAccountBody = z.strictObject({
  nickname: z
    .string({ error: "Введите название." })
    .trim()
    .max(NICKNAME_MAX, `Название — не длиннее ${NICKNAME_MAX} символов.`)
    .transform((name) => name || null),
});
export type RenameAccountBody = z.input<typeof RenameAccountBody>;

export const AccountIdParams = z.strictObject({ accountId: z.uuid({ error: "Неверный идентификатор счёта." }) });

const tag = "Лицевые счета";

export const accountRoutes = {
  suppliers: defineRoute({
    method: "GET",
    path: "/api/suppliers",
    summary: "Поставщики, их формат номера лицевого счёта и контрольные вопросы",
    tag,
    auth: true,
    status: 200,
    response: z.object({ suppliers: z.array(SupplierSummary) }),
    errors: [],
  }),
  list: defineRoute({
    method: "GET",
    path: "/api/accounts",
    summary: "Мои лицевые счета (основной первым)",
    tag,
    auth: true,
    status: 200,
    response: z.object({ accounts: z.array(AccountSummary) }),
    errors: [],
  }),
  startLink: defineRoute({
    method: "POST",
    path: "/api/accounts/link/start",
    summary: "«Подключить»: проверяет номер и предлагает контрольные вопросы (не раскрывает, существует ли счёт)",
    tag,
    auth: true,
    body: StartLinkBody,
    status: 200,
    response: StartLinkResult,
    errors: [
      "VALIDATION_FAILED",
      "ACCOUNT_ALREADY_LINKED",
      "LINK_LOCKED",
      "LINK_PAUSED",
      "LINK_DAILY_LIMIT",
      "CONTACT_NOT_CONFIRMED",
    ],
  }),
  confirmLink: defineRoute({
    method: "POST",
    path: "/api/accounts/link/confirm",
    summary:
      "«Подтвердить»: ответ на контрольный вопрос; 5 неверных ответов за 24 часа блокируют подключение счёта, 20 по всем счетам — подключение любых",
    tag,
    auth: true,
    body: ConfirmLinkBody,
    status: 201,
    response: z.object({ account: AccountSummary }),
    errors: [
      "VALIDATION_FAILED",
      "WRONG_ANSWER",
      "LINK_LOCKED",
      "LINK_PAUSED",
      "LINK_DAILY_LIMIT",
      "CONTACT_NOT_CONFIRMED",
      "ACCOUNT_ALREADY_LINKED",
      "TOO_MANY_REQUESTS",
    ],
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId",
    summary: "Главная страница лицевого счёта: баланс, последний счёт, приборы учёта",
    tag,
    auth: true,
    params: AccountIdParams,
    status: 200,
    response: AccountDetails,
    errors: ["NOT_FOUND"],
  }),
  unlink: defineRoute({
    method: "DELETE",
    path: "/api/accounts/:accountId",
    summary: "«Удалить»: отключает лицевой счёт от учётной записи (данные у поставщика сохраняются)",
    tag,
    auth: true,
    params: AccountIdParams,
    status: 204,
    response: z.null(),
    errors: ["NOT_FOUND", "PRIMARY_ACCOUNT"],
  }),
  makePrimary: defineRoute({
    method: "POST",
    path: "/api/accounts/:accountId/primary",
    summary: "Сделать лицевой счёт основным",
    tag,
    auth: true,
    params: AccountIdParams,
    status: 200,
    response: z.object({ accounts: z.array(AccountSummary) }),
    errors: ["NOT_FOUND"],
  }),
  rename: defineRoute({
    method: "PUT",
    path: "/api/accounts/:accountId/nickname",
    summary: "«Переименовать»: своё название лицевого счёта (видно только этому клиенту; пустое — убрать)",
    tag,
    auth: true,
    params: AccountIdParams,
    body: RenameAccountBody,
    status: 200,
    response: z.object({ accounts: z.array(AccountSummary) }),
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  }),
};
