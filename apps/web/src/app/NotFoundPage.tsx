import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <main className="page page--center">
      <h1>Страница не найдена</h1>
      <p>Возможно, ссылка устарела или в адресе опечатка.</p>
      <Link to="/" className="button button--primary">
        На главную
      </Link>
    </main>
  );
}
