import type { ReactNode } from "react";
import { Link } from "react-router";
import { isOperator, useSession } from "../features/auth/api/session.ts";

/** The operator's pages: a customer who opens one is told so, not shown an empty screen. */
export function RequireOperator({ children }: { children: ReactNode }) {
  const { data: user } = useSession();
  if (isOperator(user)) return children;
  return (
    <section className="page" aria-labelledby="operator-only-title">
      <div className="card empty-state">
        <h1 id="operator-only-title">Раздел доступен только операторам</h1>
        <p>
          Здесь операторы рассматривают заявки клиентов. Свои заявки вы найдёте на странице лицевого счёта, в блоке
          «Реквизиты ЛС».
        </p>
        <Link to="/" className="button button--primary">
          На главную
        </Link>
      </div>
    </section>
  );
}
