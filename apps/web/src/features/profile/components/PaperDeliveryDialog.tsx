import type { BillDelivery } from "@lk/contract/profile";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
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
    <ConfirmDialog
      open={delivery !== null}
      title="Вернуть бумажную квитанцию?"
      action={toPaper}
      confirmLabel="Вернуть бумажную"
      variant="primary"
      focusCancel
      onClose={close}
      onConfirm={() =>
        delivery &&
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
      {delivery ? (
        <p>
          Счёт по лицевому счёту № {delivery.number} снова будет приходить на бумаге по почте, а письма со счётом
          {delivery.email ? ` на ${delivery.email}` : ""} приходить перестанут.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
