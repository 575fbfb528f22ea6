import { toFieldErrors } from "@lk/contract/errors";
import { DecisionBody, type OperatorServiceRequest } from "@lk/contract/requests";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { TextAreaField } from "../../../components/ui/TextAreaField.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useDecideRequest } from "../api/decide-request.ts";
import { changeRows } from "../change-format.ts";

interface Props {
  request: OperatorServiceRequest;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : "Что-то пошло не так. Повторите попытку.";

/** «Выполнить»: says exactly what will change on the account before it does. */
export function ApproveDialog({ request, open, onClose, onDone }: Props) {
  const decide = useDecideRequest(request.id);
  const rows = changeRows(request.change, request.previous, request.account);
  const close = () => {
    decide.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={`Выполнить заявку ${request.number}?`} describedBy="approve-what">
      <div id="approve-what">
        <p className="dialog__lead">На лицевом счёте № {request.account.number} изменится:</p>
        <ul className="approve-changes">
          {rows.map((row) => (
            <li key={row.key}>
              {row.label}: <strong>{row.current}</strong> → <strong>{row.requested}</strong>
            </li>
          ))}
        </ul>
        <p className="dialog__lead">Клиент увидит статус «выполнена».</p>
      </div>
      {decide.isError ? <Alert>{messageOf(decide.error)}</Alert> : null}
      <div className="dialog__actions">
        <Button variant="secondary" onClick={close}>
          Отмена
        </Button>
        <Button
          data-autofocus
          pending={decide.isPending}
          onClick={() =>
            decide.mutate(
              { decision: "APPROVE" },
              { onSuccess: () => onDone(`Заявка ${request.number} выполнена: сведения лицевого счёта изменены.`) },
            )
          }
        >
          Выполнить
        </Button>
      </div>
    </Dialog>
  );
}

/** «Отклонить»: the customer reads the comment in the request's history, so it is required. */
export function RejectDialog({ request, open, onClose, onDone }: Props) {
  const decide = useDecideRequest(request.id);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    decide.reset();
    setError(undefined);
    onClose();
  };
  const submit = () => {
    const body = { decision: "REJECT" as const, comment };
    const checked = DecisionBody.safeParse(body);
    if (!checked.success) return setError(toFieldErrors(checked.error.issues)[0]?.message);
    decide.mutate(body, {
      onSuccess: () => onDone(`Заявка ${request.number} отклонена. Клиент увидит ваш комментарий.`),
      onError: (e) => setError(e instanceof ApiError ? e.fields.find((f) => f.path === "comment")?.message : undefined),
    });
  };
  return (
    <Dialog open={open} onClose={close} title={`Отклонить заявку ${request.number}`}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {decide.isError && !error ? <Alert>{messageOf(decide.error)}</Alert> : null}
        <TextAreaField
          label="Комментарий для клиента"
          hint="Почему заявка отклонена и что сделать, чтобы её приняли. Клиент увидит его в истории заявки."
          data-autofocus
          maxLength={1000}
          rows={4}
          value={comment}
          error={error}
          onChange={(event) => {
            setComment(event.target.value);
            setError(undefined);
          }}
        />
        <div className="dialog__actions">
          <Button variant="secondary" onClick={close}>
            Отмена
          </Button>
          <Button type="submit" variant="danger" pending={decide.isPending}>
            Отклонить заявку
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
