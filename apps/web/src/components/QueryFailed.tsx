import type { UseQueryResult } from "@tanstack/react-query";
import { Alert } from "./ui/Alert.tsx";
import { Button } from "./ui/Button.tsx";

/** A read that failed: what could not be loaded and why, and «Повторить» (busy while it asks again). */
export function QueryFailed({
  what,
  query,
}: {
  what: string;
  query: Pick<UseQueryResult<unknown, Error>, "error" | "isFetching" | "refetch">;
}) {
  return (
    <div className="card__error">
      <Alert>
        {what} {query.error?.message}
      </Alert>
      <Button variant="secondary" pending={query.isFetching} onClick={() => query.refetch()}>
        Повторить
      </Button>
    </div>
  );
}
