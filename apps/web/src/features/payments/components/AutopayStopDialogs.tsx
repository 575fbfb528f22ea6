import type { AutoPayment, AutoPaymentState } from "@lk/contract/payments";
import { AUTOPAY_STOP_REASON_LABEL } from "@lk/domain";
import { useState } from "react";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { SelectField } from "../../../components/ui/SelectField.tsx";
import { formatMoscowDate } from "../../../lib/dates.ts";
import { useAnnulAutoPayment } from "../api/annul-autopayment.ts";
import { useDisableAutoPayment } from "../api/disable-autopayment.ts";

interface Props {
  open: boolean;
  accountId: string;
  /** Stays mounted when the state changes under it, so its request's answer still arrives here. */
  current: AutoPayment | null;
  onClose: () => void;
  onDone: (state: AutoPaymentState) => void;
}

type Reason = keyof typeof AUTOPAY_STOP_REASON_LABEL;
const REASONS = Object.entries(AUTOPAY_STOP_REASON_LABEL) as [Reason, string][];

/** «Аннулировать»: withdraws an application before it starts paying. */
export function AnnulAutopayDialog({ open, accountId, current, onClose, onDone }: Props) {
  const annul = useAnnulAutoPayment(accountId);
  const close = () => {
    annul.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title="Аннулировать заявление?"
      action={annul}
      confirmLabel="Аннулировать заявление"
      focusCancel
      onClose={close}
      onConfirm={() =>
        annul.mutate(undefined, {
          onSuccess: (state) => {
            annul.reset();
            onDone(state);
          },
        })
      }
    >
      <p>
        {current ? `Заявление от ${formatMoscowDate(current.appliedAt)} будет отозвано` : "Заявление будет отозвано"}, и
        автоплатёж не подключится. Подать новое заявление можно в любой момент.
      </p>
    </ConfirmDialog>
  );
}

/** «Отключить»: no more charges from now; the supplier asks why, from a list. */
export function DisableAutopayDialog({ open, accountId, current, onClose, onDone }: Props) {
  const disable = useDisableAutoPayment(accountId);
  const [reason, setReason] = useState<Reason | "">("");
  const [missing, setMissing] = useState(false);
  const close = () => {
    disable.reset();
    setReason("");
    setMissing(false);
    onClose();
  };
  const submit = () => {
    if (!reason) {
      setMissing(true);
      return;
    }
    disable.mutate(
      { reason },
      {
        onSuccess: (state) => {
          disable.reset();
          setReason("");
          onDone(state);
        },
      },
    );
  };
  return (
    <ConfirmDialog
      open={open}
      title="Отключить автоплатёж?"
      action={disable}
      confirmLabel="Отключить"
      onClose={close}
      onConfirm={submit}
    >
      <p>
        Автоплатёж{current ? ` с карты ${current.cardMask}` : ""} перестанет оплачивать новые счета: их нужно будет
        оплачивать самостоятельно. Уже списанные платежи не возвращаются.
      </p>
      <SelectField
        label="Причина"
        value={reason}
        error={missing ? "Выберите причину." : undefined}
        data-autofocus
        onChange={(event) => {
          setReason(event.target.value as Reason | "");
          setMissing(false);
        }}
      >
        <option value="">Выберите причину</option>
        {REASONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
    </ConfirmDialog>
  );
}
