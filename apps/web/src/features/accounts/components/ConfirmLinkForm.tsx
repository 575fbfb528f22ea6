import { zodResolver } from "@hookform/resolvers/zod";
import { type AccountSummary, ConfirmLinkBody, type StartLinkResult } from "@lk/contract/accounts";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "../../../components/ui/Button.tsx";
import { SelectField } from "../../../components/ui/SelectField.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { applyApiError } from "../../../lib/form-errors.ts";
import { useConfirmLink } from "../api/confirm-link.ts";
import { useSuppliers } from "../api/get-suppliers.ts";
import { isLinkWait, linkErrorMessage, needsConfirmedContact } from "../link-errors.ts";
import { LinkErrorAlert, type LinkFormError } from "./LinkErrorAlert.tsx";

interface Props {
  challenge: StartLinkResult;
  onBack: () => void;
  onLinked: (account: AccountSummary) => void;
  /** The customer follows a link out of the dialog (to the profile). */
  onLeave: () => void;
}

const ANSWER_HINT = {
  BILL_TOTAL: "Например: 1 234,56",
  LAST_PAYMENT: "Например: 1 234,56",
  METER_SERIAL: "Заводской номер указан на корпусе счётчика и в квитанции.",
} as const;

/** Step 2: «Ответьте на контрольный вопрос». Proves the customer holds the account's papers. */
export function ConfirmLinkForm({ challenge, onBack, onLinked, onLeave }: Props) {
  const confirmLink = useConfirmLink();
  const supplier = useSuppliers().data?.suppliers.find((s) => s.id === challenge.supplierId);
  const [attemptsLeft, setAttemptsLeft] = useState(challenge.attemptsLeft);
  const [formError, setFormError] = useState<(LinkFormError & { showsAttempts: boolean }) | null>(null);
  const [locked, setLocked] = useState(false);
  const form = useForm({
    resolver: zodResolver(ConfirmLinkBody),
    defaultValues: {
      supplierId: challenge.supplierId,
      accountNumber: challenge.accountNumber,
      question: challenge.questions[0]?.kind ?? "BILL_TOTAL",
      answer: "",
    },
  });
  const { errors } = form.formState;
  const kind = form.watch("question");
  const question = challenge.questions.find((q) => q.kind === kind);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onLinked(await confirmLink.mutateAsync(values));
    } catch (error) {
      if (error instanceof ApiError && error.code === "WRONG_ANSWER" && error.attemptsLeft !== undefined) {
        setAttemptsLeft(error.attemptsLeft);
      }
      // Locked for this customer or paused for everyone: no answer counts until the time it names.
      if (isLinkWait(error)) {
        setAttemptsLeft(0);
        setLocked(true);
      }
      const own = linkErrorMessage(error);
      if (own) {
        setFormError({ text: own, showsAttempts: error instanceof ApiError && error.code === "WRONG_ANSWER" });
        form.setFocus("answer");
        return;
      }
      const text = applyApiError(error, form.setError, ["question", "answer"]);
      setFormError(text ? { text, showsAttempts: false, toProfile: needsConfirmedContact(error) } : null);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <p className="dialog__lead">
        Лицевой счёт № {challenge.accountNumber}
        {supplier ? `, ${supplier.shortName}` : ""}. Выберите вопрос, на который можете ответить по квитанции.
      </p>
      {formError ? <LinkErrorAlert error={formError} onLeave={onLeave} /> : null}
      <SelectField
        label="Контрольный вопрос"
        autoFocus
        hint={question?.text}
        error={errors.question?.message}
        {...form.register("question")}
      >
        {challenge.questions.map((q) => (
          <option key={q.kind} value={q.kind}>
            {q.text}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Ответ"
        hint={ANSWER_HINT[kind]}
        autoComplete="off"
        spellCheck={false}
        inputMode={kind === "METER_SERIAL" ? "text" : "decimal"}
        error={errors.answer?.message}
        {...form.register("answer")}
      />
      {/* The wrong-answer alert already states the count; saying it twice would only be noise. */}
      {formError?.showsAttempts ? null : <p className="link-attempts">Осталось попыток: {attemptsLeft}</p>}
      <div className="dialog__actions dialog__actions--split">
        <Button variant="secondary" onClick={onBack}>
          Назад
        </Button>
        <Button type="submit" pending={confirmLink.isPending} disabled={locked}>
          Подтвердить
        </Button>
      </div>
    </form>
  );
}
