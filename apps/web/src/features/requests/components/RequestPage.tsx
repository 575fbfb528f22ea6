import { Link, useLocation, useParams } from "react-router";
import { z } from "zod";
import { Alert } from "../../../components/ui/Alert.tsx";
import { getRequestDocument } from "../api/get-document.ts";
import { useRequest } from "../api/get-request.ts";
import { RequestDetails } from "./RequestDetails.tsx";
import { requestOrPage } from "./request-or-page.tsx";

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

  const shown = requestOrPage({
    valid,
    request,
    back,
    notFoundHint: "Проверьте ссылку или откройте заявку из списка «Мои заявки» на странице лицевого счёта.",
  });
  if ("page" in shown) return shown.page;
  const { data } = shown;
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
