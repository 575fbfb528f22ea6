import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryFailed } from "../../../components/QueryFailed.tsx";
import { PageLoader } from "../../../components/ui/PageLoader.tsx";
import { ApiError } from "../../../lib/api-client.ts";

interface Props<T> {
  /** The id in the address is well formed (a malformed one is nobody's request: no call is made). */
  valid: boolean;
  request: UseQueryResult<T, Error>;
  /** The way back, above everything the page shows. */
  back: ReactNode;
  /** Where to find the request instead. */
  notFoundHint: string;
}

/**
 * A request page, the same for the customer and the operator, until its request is there: not
 * found (a stranger's id answers the same), loading, or not loaded with «Повторить» (`page`); the
 * request once it is loaded (`data`).
 */
export function requestOrPage<T>({ valid, request, back, notFoundHint }: Props<T>): { page: ReactNode } | { data: T } {
  if (!valid || (request.error instanceof ApiError && request.error.code === "NOT_FOUND")) {
    return {
      page: (
        <section className="page request-page" aria-labelledby="request-title">
          {back}
          <div className="card empty-state">
            <h1 id="request-title">Заявка не найдена</h1>
            <p>{notFoundHint}</p>
          </div>
        </section>
      ),
    };
  }
  if (request.isPending) return { page: <PageLoader /> };
  if (request.isError) {
    return {
      page: (
        <section className="page request-page" aria-labelledby="request-title">
          {back}
          <h1 id="request-title">Заявка</h1>
          <QueryFailed what="Не удалось загрузить заявку." query={request} />
        </section>
      ),
    };
  }
  return { data: request.data };
}
