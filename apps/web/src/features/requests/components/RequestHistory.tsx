import type { ServiceRequest } from "@lk/contract/requests";
import { formatDateTime } from "../../../lib/dates.ts";
import { RequestStatus } from "./RequestStatus.tsx";

/** The request's path: each status with its date, who moved it, and the operator's comment. */
export function RequestHistory({
  history,
  titleId,
  viewer,
}: {
  history: ServiceRequest["history"];
  titleId: string;
  viewer: "customer" | "operator";
}) {
  const customer = viewer === "customer" ? "вы" : "клиент";
  return (
    <ol className="request-history" aria-labelledby={titleId}>
      {history.map((event) => (
        <li key={`${event.status}-${event.at}`} className="request-history__event">
          <p className="request-history__head">
            <time dateTime={event.at}>{formatDateTime(event.at)}</time> — <RequestStatus status={event.status} />{" "}
            <span className="request-history__by">({event.by === "OPERATOR" ? "оператор" : customer})</span>
          </p>
          {event.comment ? <p className="request-history__comment">Комментарий оператора: {event.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}
