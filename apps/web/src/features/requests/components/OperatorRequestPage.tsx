import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { z } from "zod";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { PageLoader } from "../../../components/ui/PageLoader.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useReviewRequest } from "../api/decide-request.ts";
import { getOperatorDocument } from "../api/get-document.ts";
import { useOperatorRequest } from "../api/get-operator-request.ts";
import { ApproveDialog, RejectDialog } from "./DecisionDialogs.tsx";
import { RequestDetails } from "./RequestDetails.tsx";

const back = (
  <p className="request-page__back">
    <Link to="/operator">← К очереди заявок</Link>
  </p>
);

/** One request for the operator: the customer, the account now, the documents, and the decision. */
export function OperatorRequestPage() {
  const { requestId = "" } = useParams();
  const valid = z.uuid().safeParse(requestId).success;
  const request = useOperatorRequest(requestId, { enabled: valid });
  const review = useReviewRequest(requestId);
  const [dialog, setDialog] = useState<"approve" | "reject" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // The buttons just pressed may be gone (a decided request has none): the focus goes to what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (!valid || (request.error instanceof ApiError && request.error.code === "NOT_FOUND")) {
    return (
      <section className="page request-page" aria-labelledby="request-title">
        {back}
        <div className="card empty-state">
          <h1 id="request-title">Заявка не найдена</h1>
          <p>Откройте заявку из очереди.</p>
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
  const open = data.status === "SUBMITTED" || data.status === "IN_REVIEW";
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  return (
    <section className="page request-page" aria-labelledby="request-title">
      {back}
      <h1 id="request-title">Заявка {data.number}</h1>
      <div ref={noticeRef} tabIndex={-1} className="request-page__notice">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>
      {review.isError ? <Alert>{review.error.message}</Alert> : null}
      {open ? (
        <div className="operator-actions">
          {data.status === "SUBMITTED" ? (
            <Button
              variant="secondary"
              pending={review.isPending}
              onClick={() => review.mutate(undefined, { onSuccess: () => setNotice("Заявка взята на рассмотрение.") })}
            >
              Взять на рассмотрение
            </Button>
          ) : null}
          <Button onClick={() => setDialog("approve")}>Выполнить</Button>
          <Button variant="danger" onClick={() => setDialog("reject")}>
            Отклонить
          </Button>
        </div>
      ) : null}
      <RequestDetails
        request={data}
        viewer="operator"
        current={data.account}
        canOpenDocuments
        fetchDocument={(documentId) => getOperatorDocument(data.id, documentId)}
        extraFacts={
          <>
            <dt>Адрес</dt>
            <dd>{data.account.address}</dd>
            <dt>Клиент</dt>
            <dd>
              {data.customer.fullName}
              <br />
              {data.customer.email}
              {data.customer.phone ? `, ${data.customer.phone}` : ""}
            </dd>
          </>
        }
      />
      <ApproveDialog request={data} open={dialog === "approve"} onClose={() => setDialog(null)} onDone={done} />
      <RejectDialog request={data} open={dialog === "reject"} onClose={() => setDialog(null)} onDone={done} />
    </section>
  );
}
