import { normalizeLogin } from "@lk/contract/fields";
import { type FormEvent, type ReactNode, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useOutbox } from "../api/get-outbox.ts";
import { OutboxMessageItem } from "./OutboxMessageItem.tsx";

const count = (n: number) => {
  const last = n % 10;
  const teen = n % 100 >= 11 && n % 100 <= 14;
  if (last === 1 && !teen) return `${n} сообщение`;
  if (last >= 2 && last <= 4 && !teen) return `${n} сообщения`;
  return `${n} сообщений`;
};

/**
 * /dev/outbox: what the portal "sent" by e-mail and SMS, for developers and demos (codes, reset
 * links). The API has the route only in development and demos; anywhere else it is not found.
 */
export function OutboxPage() {
  const [params, setParams] = useSearchParams();
  const to = params.get("to") ?? "";
  const [typed, setTyped] = useState(to);
  const outbox = useOutbox(to ? normalizeLogin(to) : "");

  const filter = (event: FormEvent) => {
    event.preventDefault();
    const next = typed.trim();
    setParams(next ? { to: next } : {}, { replace: true });
  };

  let body: ReactNode;
  if (outbox.isPending) {
    body = <Spinner label="Загружаем исходящие…" />;
  } else if (outbox.isError) {
    body =
      outbox.error instanceof ApiError && outbox.error.status === 404 ? (
        <Alert tone="info">Исходящие доступны только в режиме разработки.</Alert>
      ) : (
        <Alert>Не удалось загрузить исходящие. {outbox.error.message}</Alert>
      );
  } else {
    const { messages } = outbox.data;
    body = (
      <>
        <p className="outbox__count" role="status">
          {messages.length === 0
            ? to
              ? `Для ${to} сообщений нет.`
              : "Сообщений пока нет."
            : `${to ? `Для ${to}: ` : ""}${count(messages.length)}, новые сверху.`}
        </p>
        {messages.length > 0 ? (
          <ol className="outbox__list">
            {messages.map((message) => (
              <OutboxMessageItem key={message.id} message={message} />
            ))}
          </ol>
        ) : null}
      </>
    );
  }

  return (
    <div className="outbox-page">
      <header className="topbar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand__name">Личный кабинет</span>
        </Link>
      </header>
      <main id="main" className="outbox">
        <h1>Исходящие письма и SMS</h1>
        <p className="card__muted">
          Служебная страница режима разработки и демонстрации: письма и SMS, которые отправил портал (коды
          подтверждения, ссылки для восстановления пароля). Настоящим клиентам они приходят на почту и телефон.
        </p>
        <form className="outbox__filter" aria-label="Отбор по получателю" onSubmit={filter} noValidate>
          <TextField
            label="Получатель"
            hint="E-mail или номер телефона; пусто — все сообщения."
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <div className="outbox__buttons">
            <Button type="submit" variant="secondary">
              Показать
            </Button>
            <Button
              variant="secondary"
              pending={outbox.isFetching && !outbox.isPending}
              onClick={() => outbox.refetch()}
            >
              Обновить
            </Button>
          </div>
        </form>
        {body}
      </main>
    </div>
  );
}
