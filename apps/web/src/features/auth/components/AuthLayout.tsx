import type { ReactNode } from "react";
import { Link } from "react-router";

/** The sign-in and registration pages: the portal's name, one card, a footer with help. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="auth-page">
      <header className="auth-page__brand">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>
            <span className="brand__name">Личный кабинет</span>
            <span className="brand__sub">клиента-потребителя электроэнергии</span>
          </span>
        </Link>
      </header>
      <main className="auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        {children}
      </main>
      <footer className="auth-page__footer">
        Передача показаний — с 15 по 26 число каждого месяца. Вопросы по лицевому счёту — в контакт-центре поставщика.
      </footer>
    </div>
  );
}
