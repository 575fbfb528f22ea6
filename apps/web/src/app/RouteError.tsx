import { isRouteErrorResponse, useRouteError } from "react-router";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** Anything a page throws ends here instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <main className="page page--center" role="alert">
      <h1>Что-то пошло не так</h1>
      <p>Страницу не удалось показать. Обновите её; если ошибка повторится, попробуйте позже.</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        Обновить страницу
      </button>
    </main>
  );
}
