import { useId } from "react";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import type { ApiWarning } from "../../../lib/api-client.ts";

interface Props {
  /** What the server asks to confirm; null when the dialog is closed. */
  warnings: ApiWarning[] | null;
  pending: boolean;
  onConfirm: () => void;
  onFix: () => void;
}

/** A rollover or an unusually large use: the customer may send the reading anyway, or correct it. */
export function ConfirmReadingDialog({ warnings, pending, onConfirm, onFix }: Props) {
  const descriptionId = useId();
  return (
    <Dialog open={warnings !== null} onClose={onFix} title="Подтвердите показания" describedBy={descriptionId}>
      <ul id={descriptionId} className="confirm-warnings">
        {warnings?.map((warning) => (
          <li key={warning.code}>{warning.message}</li>
        ))}
      </ul>
      <p className="dialog__lead">Если в показаниях ошибка, нажмите «Исправить»: введённые цифры сохранятся.</p>
      <div className="dialog__actions dialog__actions--split">
        <Button variant="secondary" onClick={onFix} data-autofocus>
          Исправить
        </Button>
        <Button onClick={onConfirm} pending={pending}>
          Подтвердить и передать
        </Button>
      </div>
    </Dialog>
  );
}
