import type { OutgoingMessage } from "./outbox.ts";

/** The texts of what the portal sends, in one place. */

export function contactCodeMessage(kind: "EMAIL" | "PHONE", to: string, code: string): OutgoingMessage {
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

export function passwordResetMessage(to: string, link: string): OutgoingMessage {
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

export function passwordChangedMessage(to: string): OutgoingMessage {
  return {
    channel: "EMAIL",
    kind: "PASSWORD_CHANGED",
    to,
    subject: "Пароль изменён",
    text: [
      "Пароль для входа в личный кабинет изменён, все другие сеансы завершены.",
      "Если это были не вы, восстановите пароль по ссылке «Забыли пароль?» на странице входа.",
    ].join("\n"),
  };
}
