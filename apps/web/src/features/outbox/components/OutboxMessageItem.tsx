import type { OutboxMessage } from "@lk/contract/outbox";
import { useId } from "react";
import { formatDateTime } from "../../../lib/dates.ts";
import { formatPhone } from "../../../lib/phone.ts";
import { linkify } from "../linkify.ts";

const CHANNEL = { EMAIL: "E-mail", SMS: "SMS" } as const;

/** One e-mail or SMS: to whom, when, and its full text with the links in it clickable. */
export function OutboxMessageItem({ message }: { message: OutboxMessage }) {
  const titleId = useId();
  return (
    <li>
      <article className="card outbox-message" aria-labelledby={titleId}>
        <div className="card__head">
          <h2 id={titleId} className="card__title outbox-message__subject">
            {message.subject}
          </h2>
          <span className={`tag${message.channel === "SMS" ? " tag--info" : ""}`}>{CHANNEL[message.channel]}</span>
        </div>
        <dl className="details outbox-message__meta">
          <dt>Кому</dt>
          <dd>{message.channel === "SMS" ? formatPhone(message.to) : message.to}</dd>
          <dt>Создано</dt>
          <dd>
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, { seconds: true })}</time>
            {message.sentAt ? null : " (ещё не отправлено)"}
          </dd>
        </dl>
        <div className="outbox-message__text">
          {linkify(message.text).map((part, index) =>
            part.href ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move.
              <a key={index} href={part.href}>
                {part.text}
              </a>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move.
              <span key={index}>{part.text}</span>
            ),
          )}
        </div>
      </article>
    </li>
  );
}
