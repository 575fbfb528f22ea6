import { AccountIdParams } from "./accounts.ts";
import { AuthSession } from "./auth.ts";
import { CurrentPassword, Email, FullName, Password, Phone } from "./fields.ts";
import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

const Instant = z.iso.datetime({ offset: true });

export const Profile = z.object({
  fullName: z.string(),
  email: z.string(),
  /** Confirmed by a code: needed before bills can go to this address. */
  emailConfirmed: z.boolean(),
  phone: z.string().nullable(),
  /** Proved with a code (a phone typed at registration is not, until confirmed). */
  phoneConfirmed: z.boolean(),
  /** Consent to the advertising and information newsletter. */
  newsletter: z.boolean(),
});
export type Profile = z.infer<typeof Profile>;

export const UpdateProfileBody = z
  .strictObject({ fullName: FullName.optional(), newsletter: z.boolean().optional() })
  .refine((body) => body.fullName !== undefined || body.newsletter !== undefined, {
    message: "Укажите, что изменить.",
  });
export type UpdateProfileBody = z.input<typeof UpdateProfileBody>;

export const ContactKind = z.enum(["EMAIL", "PHONE"]);
export type ContactKind = z.infer<typeof ContactKind>;

/**
 * A new e-mail or phone (or the current, unconfirmed one): a code goes to it. A change (a value
 * other than the current one) needs the current password: a stolen access token alone must not
 * move the login to an address the thief controls.
 */
export const ContactCodeBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("EMAIL"), value: Email, currentPassword: CurrentPassword.optional() }),
  z.strictObject({ kind: z.literal("PHONE"), value: Phone, currentPassword: CurrentPassword.optional() }),
]);
export type ContactCodeBody = z.input<typeof ContactCodeBody>;

export const ContactCodeSent = z.object({
  kind: ContactKind,
  /** The address as stored: lower-case e-mail, +7 phone. */
  value: z.string(),
  expiresAt: Instant,
  /** Seconds before another code may be asked for. */
  resendAfterSeconds: z.number().int().nonnegative(),
});
export type ContactCodeSent = z.infer<typeof ContactCodeSent>;

export const ConfirmContactBody = z.strictObject({
  kind: ContactKind,
  code: z
    .string({ error: "Введите код из сообщения." })
    .trim()
    .regex(/^\d{6}$/, "Код состоит из 6 цифр."),
});
export type ConfirmContactBody = z.input<typeof ConfirmContactBody>;

export const ChangePasswordBody = z
  .strictObject({
    currentPassword: CurrentPassword,
    newPassword: Password,
  })
  .refine((body) => body.currentPassword !== body.newPassword, {
    path: ["newPassword"],
    message: "Новый пароль совпадает с текущим.",
  });
export type ChangePasswordBody = z.input<typeof ChangePasswordBody>;

export const BillDeliveryMethod = z.enum(["PAPER", "EMAIL"]);
export type BillDeliveryMethod = z.infer<typeof BillDeliveryMethod>;

/** How one account's bills arrive. The choice belongs to the account: every linked user sees it. */
export const BillDelivery = z.object({
  accountId: z.uuid(),
  number: z.string(),
  shortAddress: z.string(),
  method: BillDeliveryMethod,
  /** Where e-mail bills go (when method is EMAIL). */
  email: z.string().nullable(),
});
export type BillDelivery = z.infer<typeof BillDelivery>;

export const SetBillDeliveryBody = z.strictObject({ method: BillDeliveryMethod });
export type SetBillDeliveryBody = z.input<typeof SetBillDeliveryBody>;

const tag = "Профиль";

export const profileRoutes = {
  get: defineRoute({
    method: "GET",
    path: "/api/profile",
    summary: "Профиль: ФИО, e-mail, телефон, согласие на рассылку",
    tag,
    auth: true,
    status: 200,
    response: Profile,
    errors: [],
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/profile",
    summary: "Изменить ФИО или согласие на рекламно-информационную рассылку",
    tag,
    auth: true,
    body: UpdateProfileBody,
    status: 200,
    response: Profile,
    errors: ["VALIDATION_FAILED"],
  }),
  sendContactCode: defineRoute({
    method: "POST",
    path: "/api/profile/contact-codes",
    summary:
      "Код подтверждения нового e-mail или телефона (для смены нужен текущий пароль; письмо или SMS уходит в исходящие)",
    tag,
    auth: true,
    body: ContactCodeBody,
    status: 201,
    response: ContactCodeSent,
    errors: ["VALIDATION_FAILED", "WRONG_PASSWORD", "TOO_MANY_REQUESTS"],
  }),
  confirmContact: defineRoute({
    method: "POST",
    path: "/api/profile/contact-codes/confirm",
    summary:
      "Подтвердить новый e-mail или телефон кодом; после этого он становится логином, а прежний адрес получает уведомление со ссылкой для отмены",
    tag,
    auth: true,
    body: ConfirmContactBody,
    status: 200,
    response: Profile,
    errors: ["VALIDATION_FAILED", "CODE_INVALID", "CODE_EXPIRED", "EMAIL_TAKEN", "PHONE_TAKEN"],
  }),
  changePassword: defineRoute({
    method: "POST",
    path: "/api/profile/password",
    summary:
      "Сменить пароль (нужен текущий). Завершаются все сеансы, включая этот; этот продолжается новым (новые токен и cookie в ответе)",
    tag,
    auth: true,
    body: ChangePasswordBody,
    status: 200,
    response: AuthSession,
    errors: ["VALIDATION_FAILED", "WRONG_PASSWORD", "TOO_MANY_REQUESTS"],
  }),
  billDelivery: defineRoute({
    method: "GET",
    path: "/api/bill-delivery",
    summary: "«Получение счёта по e-mail»: способ доставки счёта по каждому подключённому лицевому счёту",
    tag,
    auth: true,
    status: 200,
    response: z.object({ accounts: z.array(BillDelivery) }),
    errors: [],
  }),
  setBillDelivery: defineRoute({
    method: "PUT",
    path: "/api/accounts/:accountId/bill-delivery",
    summary: "Счёт по e-mail (на подтверждённый адрес; бумажный счёт больше не доставляется) или на бумаге",
    tag,
    auth: true,
    params: AccountIdParams,
    body: SetBillDeliveryBody,
    status: 200,
    response: BillDelivery,
    errors: ["NOT_FOUND", "VALIDATION_FAILED", "EMAIL_NOT_CONFIRMED"],
  }),
};
