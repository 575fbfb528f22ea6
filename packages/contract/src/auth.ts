import { Email, FullName, Password, Phone } from "./fields.ts";
import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

export const UserRole = z.enum(["CUSTOMER", "OPERATOR"]);

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  phone: z.string().nullable(),
  fullName: z.string(),
  role: UserRole,
});
export type User = z.infer<typeof User>;

export const RegisterBody = z.strictObject({
  email: Email,
  // An empty field in the form means "no phone".
  phone: z.union([z.literal("").transform(() => undefined), Phone]).optional(),
  fullName: FullName,
  password: Password,
});
export type RegisterBody = z.input<typeof RegisterBody>;

export const SignInBody = z.strictObject({
  /** E-mail or mobile phone. */
  login: z
    .string({ error: "Введите e-mail или номер телефона." })
    .trim()
    .min(1, "Введите e-mail или номер телефона.")
    .max(254, "Логин слишком длинный."),
  password: z.string({ error: "Введите пароль." }).min(1, "Введите пароль.").max(128, "Пароль слишком длинный."),
});
export type SignInBody = z.input<typeof SignInBody>;

export const AuthSession = z.object({
  /** Short-lived JWT for `Authorization: Bearer`. Keep it in memory only. */
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  user: User,
});
export type AuthSession = z.infer<typeof AuthSession>;

export const PasswordResetBody = z.strictObject({ email: Email });
export type PasswordResetBody = z.input<typeof PasswordResetBody>;

export const PasswordResetConfirmBody = z.strictObject({
  token: z
    .string({ error: "Ссылка для восстановления пароля неполная." })
    .regex(/^[A-Za-z0-9_-]{20,200}$/, "Ссылка для восстановления пароля неполная."),
  password: Password,
});
export type PasswordResetConfirmBody = z.input<typeof PasswordResetConfirmBody>;

/** The link from «ваш e-mail (телефон) изменён» sent to the previous address. */
export const UndoContactChangeBody = z.strictObject({
  token: z
    .string({ error: "Ссылка для отмены неполная." })
    .regex(/^[A-Za-z0-9_-]{20,200}$/, "Ссылка для отмены неполная."),
});
export type UndoContactChangeBody = z.input<typeof UndoContactChangeBody>;

export const ContactChangeUndone = z.object({
  kind: z.enum(["EMAIL", "PHONE"]),
  /** The login as it is again (the previous e-mail or phone; null: the phone is removed). */
  value: z.string().nullable(),
  /**
   * The old password no longer works (whoever changed the address may know it): the token of a
   * reset link for the e-mail as it is now, so the customer sets a new password at once.
   */
  passwordResetToken: z.string(),
});
export type ContactChangeUndone = z.infer<typeof ContactChangeUndone>;

/** How long the «это был не я» link in the notice to the previous e-mail or phone works (once). */
export const UNDO_VALID_DAYS = 7;

/** The previous value belongs to another customer by now: it cannot come back by itself. */
export const UNDO_TAKEN_MESSAGE = {
  EMAIL:
    "Прежний адрес электронной почты теперь у другой учётной записи, поэтому вернуть его нельзя. Обратитесь в службу поддержки поставщика.",
  PHONE:
    "Прежний номер телефона теперь привязан к другой учётной записи, поэтому вернуть его нельзя. Обратитесь в службу поддержки поставщика.",
} as const;

const tag = "Вход и регистрация";

/**
 * A readable cookie (`1`, no secret) that lives and dies with the httpOnly refresh cookie: set
 * with it, cleared with it. The SPA cannot see the refresh cookie, so without this it would ask
 * the server on every load whether a session exists, and a visitor who never signed in would get
 * a 401 (and wait for it) on the sign-in page.
 */
export const SESSION_HINT_COOKIE = "lk_session";

export const authRoutes = {
  register: defineRoute({
    method: "POST",
    path: "/api/auth/register",
    summary: "Регистрация: создаёт учётную запись и открывает сеанс",
    tag,
    auth: false,
    body: RegisterBody,
    status: 201,
    response: AuthSession,
    errors: ["VALIDATION_FAILED", "EMAIL_TAKEN", "PHONE_TAKEN", "TOO_MANY_REQUESTS"],
  }),
  signIn: defineRoute({
    method: "POST",
    path: "/api/auth/sign-in",
    summary: "Вход по e-mail или телефону и паролю",
    tag,
    auth: false,
    body: SignInBody,
    status: 200,
    response: AuthSession,
    errors: ["VALIDATION_FAILED", "INVALID_CREDENTIALS", "TOO_MANY_REQUESTS"],
  }),
  refresh: defineRoute({
    method: "POST",
    path: "/api/auth/refresh",
    summary: "Новый токен доступа по refresh-cookie (cookie обновляется при каждом вызове)",
    tag,
    auth: false,
    status: 200,
    response: AuthSession,
    errors: ["SESSION_EXPIRED"],
  }),
  signOut: defineRoute({
    method: "POST",
    path: "/api/auth/sign-out",
    summary: "Выход: отзывает сеанс на сервере",
    tag,
    auth: false,
    status: 204,
    response: z.null(),
    errors: [],
  }),
  passwordReset: defineRoute({
    method: "POST",
    path: "/api/auth/password-reset",
    summary: "«Забыли пароль?»: письмо со ссылкой (ответ одинаков, есть ли такой адрес)",
    tag,
    auth: false,
    body: PasswordResetBody,
    status: 204,
    response: z.null(),
    errors: ["VALIDATION_FAILED", "TOO_MANY_REQUESTS"],
  }),
  passwordResetConfirm: defineRoute({
    method: "POST",
    path: "/api/auth/password-reset/confirm",
    summary: "Новый пароль по ссылке из письма; все сеансы завершаются",
    tag,
    auth: false,
    body: PasswordResetConfirmBody,
    status: 204,
    response: z.null(),
    errors: ["VALIDATION_FAILED", "RESET_TOKEN_INVALID", "TOO_MANY_REQUESTS"],
  }),
  undoContactChange: defineRoute({
    method: "POST",
    path: "/api/auth/contact-change/undo",
    summary:
      "«Это был не я»: по ссылке из уведомления на прежний адрес вернуть прежний e-mail или телефон; все сеансы завершаются",
    tag,
    auth: false,
    body: UndoContactChangeBody,
    status: 200,
    response: ContactChangeUndone,
    errors: ["VALIDATION_FAILED", "UNDO_LINK_INVALID", "EMAIL_TAKEN", "PHONE_TAKEN", "TOO_MANY_REQUESTS"],
  }),
  me: defineRoute({
    method: "GET",
    path: "/api/auth/me",
    summary: "Текущий пользователь",
    tag,
    auth: true,
    status: 200,
    response: User,
    errors: ["UNAUTHORIZED"],
  }),
};
