import type { OutboxKind } from "./outbox.ts";
import { type ServiceRequestKind, serviceRequestKinds } from "./requests.ts";

/**
 * The wording of what the portal sends (mail and SMS), in one place: the API writes these to its
 * outbox and the mock API to its own, so both worlds send the same letters.
 */
export interface Notice {
  channel: "EMAIL" | "SMS";
  kind: OutboxKind;
  to: string;
  subject: string;
  text: string;
}

export function contactCodeMessage(kind: "EMAIL" | "PHONE", to: string, code: string): Notice {
  if (kind === "PHONE") {
    return {
      channel: "SMS",
      kind: "CONTACT_CODE",
      to,
      subject: "Код подтверждения",
      text: `Код подтверждения номера в личном кабинете: ${code}. Никому его не сообщайте.`,
    };
  }
  return {
    channel: "EMAIL",
    kind: "CONTACT_CODE",
    to,
    subject: "Подтверждение адреса электронной почты",
    text: [
      "Здравствуйте!",
      "",
      `Код подтверждения адреса в личном кабинете: ${code}`,
      "Код действует 10 минут. Если вы не меняли адрес, просто не отвечайте на это письмо.",
    ].join("\n"),
  };
}

export function passwordResetMessage(to: string, link: string): Notice {
  return {
    channel: "EMAIL",
    kind: "PASSWORD_RESET",
    to,
    subject: "Восстановление пароля",
    text: [
      "Здравствуйте!",
      "",
      "Чтобы задать новый пароль для входа в личный кабинет, откройте ссылку:",
      link,
      "",
      "Ссылка действует 1 час и только один раз. Если вы не просили восстановить пароль, ничего не делайте: пароль останется прежним.",
    ].join("\n"),
  };
}

/** «Забыли пароль?» for an address nobody has: the same answer on the page, a letter that says so. */
export function passwordResetNoAccountMessage(to: string, registerLink: string): Notice {
  return {
    channel: "EMAIL",
    kind: "PASSWORD_RESET_NO_ACCOUNT",
    to,
    subject: "Восстановление пароля",
    text: [
      "Здравствуйте!",
      "",
      "Кто-то (возможно, вы) запросил восстановление пароля в личном кабинете для этого адреса, но учётной записи с ним нет.",
      "Если вы входите по другому адресу или по номеру телефона, восстановите пароль по нему. Зарегистрироваться можно здесь:",
      registerLink,
      "",
      "Если вы ничего не запрашивали, просто не отвечайте на это письмо.",
    ].join("\n"),
  };
}

export function passwordChangedMessage(to: string, resetLink: string): Notice {
  return {
    channel: "EMAIL",
    kind: "PASSWORD_CHANGED",
    to,
    subject: "Пароль изменён",
    text: [
      "Пароль для входа в личный кабинет изменён, все сеансы на других устройствах завершены.",
      "Если это были не вы, сразу задайте новый пароль по ссылке (она ведёт на «Забыли пароль?»):",
      resetLink,
    ].join("\n"),
  };
}

/** To the customer once the operator has decided their request, with the operator's comment. */
export function requestAnsweredMessage(
  to: string,
  request: { number: string; kind: ServiceRequestKind },
  status: "DONE" | "REJECTED",
  comment: string | null,
): Notice {
  const done = status === "DONE";
  return {
    channel: "EMAIL",
    kind: "REQUEST_ANSWERED",
    to,
    subject: `Заявка ${request.number} ${done ? "выполнена" : "отклонена"}`,
    text: [
      `Ваша заявка ${request.number} «${serviceRequestKinds[request.kind].title}» ${done ? "выполнена: данные лицевого счёта изменены" : "отклонена"}.`,
      ...(comment ? ["", `Комментарий оператора: ${comment}`] : []),
      "",
      "Подробности — в личном кабинете, раздел «Реквизиты ЛС».",
    ].join("\n"),
  };
}

/**
 * To the previous e-mail (or phone) when the login was changed: what changed and a link that
 * puts it back and ends every session, for when it was not the customer.
 */
export function contactChangedMessage(
  change: { kind: "EMAIL" | "PHONE"; previous: string | null; current: string },
  to: { channel: "EMAIL" | "SMS"; address: string },
  undoLink: string,
  validDays: number,
): Notice {
  const what =
    change.kind === "EMAIL"
      ? `адрес электронной почты изменён на ${change.current}`
      : change.previous
        ? `номер телефона изменён на ${change.current}`
        : `добавлен номер телефона ${change.current}`;
  if (to.channel === "SMS") {
    return {
      channel: "SMS",
      kind: "CONTACT_CHANGED",
      to: to.address,
      subject: "Номер телефона изменён",
      // No link here: the previous number may be someone else's now (a lost SIM, a number never
      // proved), and «Это был не я» ends in a new password, which a phone alone never gives. The
      // link goes to the account's e-mail, where a password reset goes anyway.
      text: `В личном кабинете ${what}. Если это не вы, отмените изменение по ссылке из письма на e-mail учётной записи.`,
    };
  }
  return {
    channel: "EMAIL",
    kind: "CONTACT_CHANGED",
    to: to.address,
    subject: change.kind === "EMAIL" ? "Адрес электронной почты изменён" : "Номер телефона изменён",
    text: [
      "Здравствуйте!",
      "",
      `В вашей учётной записи личного кабинета ${what}.`,
      "Если это сделали вы, ничего делать не нужно.",
      "Если это были не вы, откройте ссылку: прежний адрес вернётся, а все сеансы будут завершены. Затем смените пароль.",
      undoLink,
      "",
      `Ссылка действует ${validDays} дней и только один раз.`,
    ].join("\n"),
  };
}

/**
 * Who hears of a login change, each with the undo link: the previous e-mail for an e-mail change;
 * for a phone change the e-mail and, by SMS, the previous phone (when there was one).
 */
export function contactChangedNotices(
  change: { kind: "EMAIL" | "PHONE"; previous: string | null; current: string },
  customerEmail: string,
  undoLink: string,
  validDays: number,
): Notice[] {
  const to: { channel: "EMAIL" | "SMS"; address: string }[] =
    change.kind === "EMAIL"
      ? [{ channel: "EMAIL", address: change.previous ?? customerEmail }]
      : [
          { channel: "EMAIL", address: customerEmail },
          ...(change.previous ? [{ channel: "SMS" as const, address: change.previous }] : []),
        ];
  return to.map((recipient) => contactChangedMessage(change, recipient, undoLink, validDays));
}

/** To every customer linked to an account whose linking paused after too many wrong answers. */
/**
 * Someone else linked an account the addressee has: they hear of it, so that a stranger who
 * answered the control question cannot read the account unnoticed.
 */
export function accountLinkedMessage(to: string, accountNumber: string, atText: string): Notice {
  // atText: «26.11.2026 10:15 (мск)», as @lk/domain's formatMoscowDateTime writes it.
  return {
    channel: "EMAIL",
    kind: "ACCOUNT_LINKED",
    to,
    subject: `Лицевой счёт № ${accountNumber} подключён к ещё одной учётной записи`,
    text: [
      "Здравствуйте!",
      "",
      `${atText} лицевой счёт № ${accountNumber} подключили к ещё одной учётной записи личного кабинета: её владелец ответил на контрольный вопрос по данным квитанции.`,
      "Если это член вашей семьи, ничего делать не нужно.",
      "Если нет, обратитесь к поставщику: доступ посторонней учётной записи к счёту закроют. Никому не сообщайте суммы из квитанций и номер счётчика.",
    ].join("\n"),
  };
}

export function linkPausedMessage(to: string, accountNumber: string, untilText: string): Notice {
  return {
    channel: "EMAIL",
    kind: "LINK_PAUSED",
    to,
    subject: `Попытки подключить лицевой счёт № ${accountNumber}`,
    text: [
      "Здравствуйте!",
      "",
      `За последние сутки на контрольный вопрос о лицевом счёте № ${accountNumber} много раз ответили неверно: кто-то пытается подключить ваш счёт к своей учётной записи.`,
      `Мы приостановили подключение этого счёта к новым учётным записям до ${untilText}. Ваш доступ к счёту сохраняется.`,
      "Если счёт подключали члены вашей семьи, попросите их повторить позже. Если нет, ничего делать не нужно; никому не сообщайте суммы из квитанций и номер счётчика.",
    ].join("\n"),
  };
}
