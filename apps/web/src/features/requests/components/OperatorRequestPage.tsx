import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { z } from "zod";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { useReviewRequest } from "../api/decide-request.ts";
import { getOperatorDocument } from "../api/get-document.ts";
import { useOperatorRequest } from "../api/get-operator-request.ts";
import { ApproveDialog, RejectDialog } from "./DecisionDialogs.tsx";
import { RequestDetails } from "./RequestDetails.tsx";
import { requestOrPage } from "./request-or-page.tsx";

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

  const shown = requestOrPage({
    valid,
    request,
    back,
    notFoundHint: "Откройте заявку из очереди.",
  });
  if ("page" in shown) return shown.page;

  const { data } = shown;
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
