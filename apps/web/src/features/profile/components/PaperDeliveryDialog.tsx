import type { BillDelivery } from "@lk/contract/profile";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { useSetBillDelivery } from "../api/set-bill-delivery.ts";

interface Props {
  /** The account going back to paper; null keeps the dialog closed. */
  delivery: BillDelivery | null;
  onClose: () => void;
  onDone: (saved: BillDelivery) => void;
}

/** Back to paper asks first: the e-mails stop and the bill comes by post again. */
export function PaperDeliveryDialog({ delivery, onClose, onDone }: Props) {
  const toPaper = useSetBillDelivery();
  const close = () => {
    toPaper.reset();
    onClose();
  };
  return (
    <Dialog open={delivery !== null} onClose={close} title="Вернуть бумажную квитанцию?">
      {delivery ? (
        <>
          <p>
            Счёт по лицевому счёту № {delivery.number} снова будет приходить на бумаге по почте, а письма со счётом
            {delivery.email ? ` на ${delivery.email}` : ""} приходить перестанут.
          </p>
          {toPaper.error ? <Alert>{toPaper.error.message}</Alert> : null}
          <div className="dialog__actions">
            <Button
              pending={toPaper.isPending}
              onClick={() =>
                toPaper.mutate(
                  { accountId: delivery.accountId, method: "PAPER" },
                  {
                    onSuccess: (saved) => {
                      toPaper.reset();
                      onDone(saved);
                    },
                  },
                )
              }
            >
              Вернуть бумажную
            </Button>
            <Button variant="secondary" onClick={close} data-autofocus>
              Отмена
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
