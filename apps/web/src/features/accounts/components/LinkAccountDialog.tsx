import type { AccountSummary, StartLinkResult } from "@lk/contract/accounts";
import { useState } from "react";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { ConfirmLinkForm } from "./ConfirmLinkForm.tsx";
import { StartLinkForm, type StartValues } from "./StartLinkForm.tsx";

const EMPTY: StartValues = { supplierId: "", accountNumber: "" };

interface Props {
  open: boolean;
  onClose: () => void;
  onLinked: (account: AccountSummary) => void;
}

/** SPEC §3: supplier and number → «Подключить» → control question → «Подтвердить». */
export function LinkAccountDialog({ open, onClose, onLinked }: Props) {
  const [startValues, setStartValues] = useState<StartValues>(EMPTY);
  const [challenge, setChallenge] = useState<StartLinkResult | null>(null);

  // Closing (Escape, ×) or finishing starts the next visit from a clean first step.
  const reset = () => {
    setChallenge(null);
    setStartValues(EMPTY);
  };

  const close = () => {
    reset();
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} title={challenge ? "Ответьте на контрольный вопрос" : "Добавить лицевой счёт"}>
      {challenge ? (
        <ConfirmLinkForm
          challenge={challenge}
          onBack={() => setChallenge(null)}
          onLeave={close}
          onLinked={(account) => {
            reset();
            onLinked(account);
          }}
        />
      ) : (
        <StartLinkForm
          defaultValues={startValues}
          onLeave={close}
          onStarted={(values, next) => {
            setStartValues(values);
            setChallenge(next);
          }}
        />
      )}
    </Dialog>
  );
}
