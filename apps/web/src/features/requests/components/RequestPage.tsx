import { Link, useLocation, useParams } from "react-router";
import { z } from "zod";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { PageLoader } from "../../../components/ui/PageLoader.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { getRequestDocument } from "../api/get-document.ts";
import { useRequest } from "../api/get-request.ts";
import { RequestDetails } from "./RequestDetails.tsx";

const Ids = z.object({ accountId: z.uuid(), requestId: z.uuid() });

/** A request of the customer's: where it stands, what it changes, the documents sent, its history. */
export function RequestPage() {
  const { accountId = "", requestId = "" } = useParams();
  const created = (useLocation().state as { created?: string } | null)?.created;
  // A malformed id cannot be anyone's request: no call, the same answer as for a stranger's.
  const valid = Ids.safeParse({ accountId, requestId }).success;
  const request = useRequest(accountId, requestId, { enabled: valid });
  const back = (
    <p className="request-page__back">
      <Link to={valid ? `/accounts/${accountId}` : "/"}>← К лицевому счёту</Link>
    </p>
  );

  if (!valid || (request.error instanceof ApiError && request.error.code === "NOT_FOUND")) {
    return (
      <section className="page request-page" aria-labelledby="request-title">
        {back}
        <div className="card empty-state">
          <h1 id="request-title">Заявка не найдена</h1>
          <p>Проверьте ссылку или откройте заявку из списка «Мои заявки» на странице лицевого счёта.</p>
        </div>
      </section>
    );
  }
  if (request.isPending) return <PageLoader />;
  if (request.isError) {
    return (
      <section className="page request-page" aria-labelledby="request-title">
        {back}
        <h1 id="request-title">Заявка</h1>
        <Alert>Не удалось загрузить заявку. {request.error.message}</Alert>
        <Button variant="secondary" pending={request.isFetching} onClick={() => request.refetch()}>
          Повторить
        </Button>
      </section>
    );
  }
  const data = request.data;
  return (
    <section className="page request-page" aria-labelledby="request-title">
      {back}
      <h1 id="request-title">Заявка {data.number}</h1>
      {created === data.number ? (
        <Alert tone="success">
          Заявка {data.number} подана. Оператор проверит её и документы; решение появится здесь и в «Мои заявки».
        </Alert>
      ) : null}
      <RequestDetails
        request={data}
        viewer="customer"
        fetchDocument={(documentId) => getRequestDocument(accountId, requestId, documentId)}
      />
    </section>
  );
}
