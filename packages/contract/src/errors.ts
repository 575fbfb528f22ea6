import { z } from "./zod.ts";

/**
 * Every error the API can answer with. Codes are stable and machine-readable; clients switch on
 * them. The message is the default Russian text; the API may send a more specific one.
 */
export const errorMessages = {
  VALIDATION_FAILED: "Проверьте введённые данные.",
  UNAUTHORIZED: "Войдите в личный кабинет, чтобы продолжить.",
  SESSION_EXPIRED: "Сеанс завершён. Войдите снова.",
  INVALID_CREDENTIALS: "Неверный логин или пароль.",
  EMAIL_TAKEN: "Этот адрес электронной почты уже зарегистрирован. Войдите или восстановите пароль.",
  PHONE_TAKEN: "Этот номер телефона уже привязан к другой учётной записи.",
  TOO_MANY_REQUESTS: "Слишком много попыток. Повторите позже.",
  NOT_FOUND: "Не найдено.",
  PAYLOAD_TOO_LARGE: "Запрос слишком большой.",
  URI_TOO_LONG: "Адрес запроса слишком длинный.",
  UNSUPPORTED_MEDIA_TYPE: "Неподдерживаемый формат запроса.",
  INTERNAL_ERROR: "Что-то пошло не так. Повторите попытку позже.",
  SERVICE_UNAVAILABLE: "Сервис временно недоступен. Повторите через несколько секунд: ничего не потеряно.",
  ACCOUNT_ALREADY_LINKED: "Этот лицевой счёт уже подключён к вашей учётной записи.",
  WRONG_ANSWER: "Ответ неверный. Проверьте данные по квитанции и попробуйте ещё раз.",
  LINK_LOCKED: "Превышено число попыток подключения этого лицевого счёта.",
  LINK_PAUSED:
    "Подключение этого лицевого счёта временно приостановлено: по нему было слишком много неверных ответов на контрольный вопрос.",
  LINK_DAILY_LIMIT:
    "Слишком много неверных ответов на контрольные вопросы за сутки: подключать лицевые счета пока нельзя.",
  CONTACT_NOT_CONFIRMED:
    "Чтобы подключать лицевые счета, подтвердите в профиле адрес электронной почты или номер телефона.",
  PRIMARY_ACCOUNT: "Это основной лицевой счёт. Сначала сделайте основным другой счёт.",
  WINDOW_CLOSED: "Показания принимаются с 15 по 26 число каждого месяца.",
  METER_AUTOMATED: "Счётчик подключён к АСКУЭ: показания передаются автоматически.",
  METER_FAULTY: "Прибор учёта неисправен: обратитесь к поставщику.",
  NEEDS_CONFIRMATION: "Проверьте показания и подтвердите их.",
  AUTOPAYMENT_EXISTS: "Автоплатёж по этому счёту уже подключён или заявление ждёт подключения.",
  AUTOPAYMENT_STATE: "Это действие сейчас недоступно для автоплатежа.",
  TERMS_CHANGED: "Условия услуги обновились. Ознакомьтесь с новой редакцией и подтвердите согласие.",
  FORBIDDEN: "Этот раздел доступен только операторам.",
  CODE_INVALID: "Неверный код. Проверьте код из сообщения.",
  CODE_EXPIRED: "Срок действия кода истёк. Запросите новый код.",
  WRONG_PASSWORD: "Текущий пароль введён неверно.",
  RESET_TOKEN_INVALID: "Ссылка для восстановления пароля недействительна или устарела. Запросите новую.",
  EMAIL_NOT_CONFIRMED: "Сначала подтвердите адрес электронной почты в профиле.",
  DOCUMENT_REJECTED: "Документ не принят. Приложите файл PDF, JPEG или PNG.",
  REQUEST_EXISTS: "По этому лицевому счёту уже есть такая заявка в работе.",
  REQUEST_STATE: "Заявка уже рассмотрена.",
  IDEMPOTENCY_KEY_REUSED:
    "Этот запрос уже был отправлен с другими данными. Проверьте историю, прежде чем повторять, и начните заново.",
  UNDO_LINK_INVALID: "Ссылка для отмены изменения недействительна, уже использована или устарела.",
  SIGNATURE_INVALID: "Подпись уведомления не сходится: уведомление не принято.",
} as const;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodes = Object.keys(errorMessages) as [ErrorCode, ...ErrorCode[]];

export const FieldError = z.object({
  /** Dotted path of the field in the request, e.g. `email` or `readings.0.value`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z
      .object({
        /** Where the request came from: `body`, `query` or `params`. */
        location: z.enum(["body", "query", "params", "headers"]).optional(),
        fields: z.array(FieldError).optional(),
        /** For TOO_MANY_REQUESTS and SERVICE_UNAVAILABLE: seconds until the next attempt is worth it. */
        retryAfterSeconds: z.number().int().nonnegative().optional(),
        /** For WRONG_ANSWER and linking: answers left before the lock. */
        attemptsLeft: z.number().int().nonnegative().optional(),
        /** For LINK_LOCKED, LINK_PAUSED and LINK_DAILY_LIMIT: when linking may be tried again (ISO 8601). */
        lockedUntil: z.string().optional(),
        /** For NEEDS_CONFIRMATION: what to confirm (send again with the matching confirm flag). */
        warnings: z.array(z.object({ code: z.enum(["ROLLOVER", "LARGE_JUMP"]), message: z.string() })).optional(),
      })
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** HTTP status of each code; one place so the API and the mock agree. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  EMAIL_TAKEN: 409,
  PHONE_TAKEN: 409,
  TOO_MANY_REQUESTS: 429,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  ACCOUNT_ALREADY_LINKED: 409,
  WRONG_ANSWER: 422,
  LINK_LOCKED: 429,
  LINK_PAUSED: 429,
  LINK_DAILY_LIMIT: 429,
  CONTACT_NOT_CONFIRMED: 403,
  PRIMARY_ACCOUNT: 409,
  WINDOW_CLOSED: 409,
  METER_AUTOMATED: 409,
  METER_FAULTY: 409,
  NEEDS_CONFIRMATION: 409,
  AUTOPAYMENT_EXISTS: 409,
  AUTOPAYMENT_STATE: 409,
  TERMS_CHANGED: 409,
  FORBIDDEN: 403,
  CODE_INVALID: 422,
  CODE_EXPIRED: 410,
  WRONG_PASSWORD: 422,
  RESET_TOKEN_INVALID: 410,
  EMAIL_NOT_CONFIRMED: 409,
  DOCUMENT_REJECTED: 422,
  REQUEST_EXISTS: 409,
  REQUEST_STATE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNDO_LINK_INVALID: 410,
  SIGNATURE_INVALID: 401,
};

export function errorBody(code: ErrorCode, message?: string, details?: ErrorBody["error"]["details"]): ErrorBody {
  return { error: { code, message: message ?? errorMessages[code], ...(details ? { details } : {}) } };
}

/** A validation problem, as either side's validator reports it. */
export interface ValidationIssue {
  /** Path segments of the field; empty for the object itself. */
  path: readonly PropertyKey[];
  code: string;
  message: string;
  /** For unknown fields: their names. */
  keys?: readonly string[];
}

/** Field errors for the error body: one per field, unknown fields named by themselves. */
export function toFieldErrors(issues: readonly ValidationIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys" && issue.keys?.length) {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: `Неизвестное поле «${key}».` }));
    }
    return [{ path: base, message: issue.message || "Неверное значение." }];
  });
}
