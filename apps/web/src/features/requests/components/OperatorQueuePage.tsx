import { serviceRequestKinds } from "@lk/contract/requests";
import { Link, useSearchParams } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { PageLoader } from "../../../components/ui/PageLoader.tsx";
import { SelectField } from "../../../components/ui/SelectField.tsx";
import { formatDateTime } from "../../../lib/dates.ts";
import { type OperatorQueueStatus, useQueue } from "../api/get-queue.ts";
import { RequestStatus } from "./RequestStatus.tsx";

const FILTERS: Record<OperatorQueueStatus, string> = {
  OPEN: "Открытые (подана и на рассмотрении)",
  SUBMITTED: "Подана",
  IN_REVIEW: "На рассмотрении",
  DONE: "Выполнена",
  REJECTED: "Отклонена",
};

const isFilter = (value: string | null): value is OperatorQueueStatus => value !== null && value in FILTERS;

/**
 * The operator's queue: open requests, whoever waits longest first (decided ones newest first);
 * the filter lives in the address (?status=), so a reload or a link keeps it.
 */
export function OperatorQueuePage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get("status");
  const status: OperatorQueueStatus = isFilter(raw) ? raw : "OPEN";
  const queue = useQueue(status);

  return (
    <section className="page operator-page" aria-labelledby="operator-title">
      <h1 id="operator-title">Заявки клиентов</h1>
      <div className="operator-page__filter">
        <SelectField
          label="Показать"
          value={status}
          onChange={(event) => setParams(event.target.value === "OPEN" ? {} : { status: event.target.value })}
        >
          {Object.entries(FILTERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {queue.isPending ? (
        <PageLoader />
      ) : queue.isError ? (
        <div>
          <Alert>Не удалось загрузить заявки. {queue.error.message}</Alert>
          <Button variant="secondary" pending={queue.isFetching} onClick={() => queue.refetch()}>
            Повторить
          </Button>
        </div>
      ) : queue.data.length === 0 ? (
        <div className="card empty-state">
          <p>Заявок нет{status === "OPEN" ? ": все рассмотрены." : "."}</p>
        </div>
      ) : (
        <div className="table-scroll" aria-busy={queue.isPlaceholderData || undefined}>
          <table className="data-table">
            <caption className="data-table__caption">
              {FILTERS[status]}: {queue.data.length}, {status === "OPEN" ? "сначала давние" : "сначала новые"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Заявка</th>
                <th scope="col">Поступила</th>
                <th scope="col">Услуга</th>
                <th scope="col">Лицевой счёт</th>
                <th scope="col">Клиент</th>
                <th scope="col">Статус</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((request) => (
                <tr key={request.id}>
                  <td className="data-table__nowrap">
                    <Link to={`/operator/requests/${request.id}`}>{request.number}</Link>
                  </td>
                  <td className="data-table__nowrap">{formatDateTime(request.createdAt)}</td>
                  <td>{serviceRequestKinds[request.kind].title}</td>
                  <td>
                    № {request.account.number}
                    <span className="operator-page__address">{request.account.address}</span>
                  </td>
                  <td>{request.customer.fullName}</td>
                  <td>
                    <RequestStatus status={request.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
