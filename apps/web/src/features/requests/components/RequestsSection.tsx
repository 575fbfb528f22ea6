import { serviceRequestKinds } from "@lk/contract/requests";
import { Link } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { formatMoscowDate } from "../../../lib/dates.ts";
import { useDeferredQuery } from "../../../lib/deferred-query.ts";
import { useRequests } from "../api/get-requests.ts";
import { RequestStatus } from "./RequestStatus.tsx";

/** Under «Общая информация»: «Изменить» (a new request) and «Мои заявки» on this account. */
export function RequestsSection({ accountId, enabled = true }: { accountId: string; enabled?: boolean }) {
  // `enabled: false`: the list is asked for later (after the page's first paint), a spinner meanwhile.
  const requests = useDeferredQuery(useRequests(accountId, { enabled }));
  return (
    <div className="account-requests">
      <p className="account-requests__change">
        <Link to={`/accounts/${accountId}/requests/new`} className="button button--secondary">
          Изменить
        </Link>
        <span className="card__muted">Сведения меняются после проверки заявки и документов.</span>
      </p>
      <h3 id="my-requests-title" className="account-requests__title">
        Мои заявки
      </h3>
      {requests.isPending ? (
        <Spinner label="Загружаем заявки…" />
      ) : requests.isError ? (
        <div>
          <Alert>Не удалось загрузить заявки. {requests.error.message}</Alert>
          <Button variant="secondary" pending={requests.isFetching} onClick={() => requests.refetch()}>
            Повторить
          </Button>
        </div>
      ) : requests.data.length === 0 ? (
        <p className="card__muted">Заявок пока нет.</p>
      ) : (
        <ul className="account-requests__list" aria-labelledby="my-requests-title">
          {requests.data.map((request) => (
            <li key={request.id} className="account-requests__item">
              <Link to={`/accounts/${accountId}/requests/${request.id}`}>Заявка {request.number}</Link>
              <span>{serviceRequestKinds[request.kind].title}</span>
              <span>
                <RequestStatus status={request.status} />
                <span className="card__muted">
                  {" "}
                  от <time dateTime={request.createdAt}>{formatMoscowDate(request.createdAt)}</time>
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
