import { type ServiceRequest, serviceRequestKinds } from "@lk/contract/requests";
import type { ReactNode } from "react";
import { formatDateTime } from "../../../lib/dates.ts";
import type { AccountFacts } from "../change-format.ts";
import { changeRows } from "../change-format.ts";
import { ChangeTable } from "./ChangeTable.tsx";
import { DocumentList } from "./DocumentList.tsx";
import { RequestHistory } from "./RequestHistory.tsx";
import { RequestStatus } from "./RequestStatus.tsx";

interface Props {
  request: ServiceRequest;
  fetchDocument: (documentId: string) => Promise<Blob>;
  /** The account as it is now (the operator's screen). */
  current?: AccountFacts;
  /** More facts for the summary list (the operator sees the customer and the address). */
  extraFacts?: ReactNode;
  canOpenDocuments?: boolean;
  viewer: "customer" | "operator";
}

/** One request, as both the customer and the operator read it: status, change, documents, history. */
export function RequestDetails({ request, fetchDocument, current, extraFacts, canOpenDocuments, viewer }: Props) {
  const kind = serviceRequestKinds[request.kind];
  return (
    <>
      <div className="card">
        <dl className="details">
          <dt>Статус</dt>
          <dd>
            <RequestStatus status={request.status} />
          </dd>
          <dt>Услуга</dt>
          <dd>{kind.title}</dd>
          <dt>Лицевой счёт</dt>
          <dd>№ {request.accountNumber}</dd>
          {extraFacts}
          <dt>Подана</dt>
          <dd>{formatDateTime(request.createdAt)}</dd>
          <dt>{viewer === "customer" ? "Ваш комментарий" : "Комментарий клиента"}</dt>
          <dd>{request.comment ?? "—"}</dd>
        </dl>
      </div>
      <section className="card" aria-labelledby="request-change-title">
        <h2 id="request-change-title" className="card__title">
          Изменение
        </h2>
        <ChangeTable caption={kind.title} rows={changeRows(request.change, request.previous, current)} />
      </section>
      <section className="card" aria-labelledby="request-documents-title">
        <h2 id="request-documents-title" className="card__title">
          Документы
        </h2>
        <DocumentList
          kind={request.kind}
          documents={request.documents}
          fetchDocument={fetchDocument}
          canOpen={canOpenDocuments}
        />
      </section>
      <section className="card" aria-labelledby="request-history-title">
        <h2 id="request-history-title" className="card__title">
          История
        </h2>
        <RequestHistory history={request.history} titleId="request-history-title" viewer={viewer} />
      </section>
    </>
  );
}
