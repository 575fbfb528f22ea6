import { useState } from "react";
import { useSearchParams } from "react-router";
import { Button } from "../../../components/ui/Button.tsx";
import { MountWhenOpened } from "../../../components/ui/MountWhenOpened.tsx";
import { lazyWithPreload } from "../../../lib/lazy-with-preload.ts";

// The card form is not part of the first screen: its code comes when the customer reaches for «Оплатить».
const PayDialog = lazyWithPreload(
  () => import("./PayDialog.tsx"),
  (m) => m.PayDialog,
);

interface Props {
  accountId: string;
  /** Positive: owed (offered as the amount); otherwise the customer chooses. */
  balanceKopecks: number;
  /** An accepted payment lowers the balance, which another feature shows: the app says what to refresh. */
  onAccepted?: () => unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * «Оплатить» beside the balance. The acquirer's page sends the customer back to the account page
 * with `?payment=<id>`: the dialog opens on what became of that payment.
 */
export function PayButton({ accountId, balanceKopecks, onAccepted }: Props) {
  const [searchParams, setSearchParams] = useSearchParams();
  const returned = searchParams.get("payment");
  const [returnedPaymentId, setReturnedPaymentId] = useState(() => (returned && UUID.test(returned) ? returned : null));
  const [open, setOpen] = useState(returnedPaymentId !== null);
  const close = () => {
    setOpen(false);
    setReturnedPaymentId(null);
    if (searchParams.has("payment")) {
      setSearchParams(
        (params) => {
          params.delete("payment");
          return params;
        },
        { replace: true },
      );
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} onPointerEnter={PayDialog.preload} onFocus={PayDialog.preload}>
        Оплатить
      </Button>
      <MountWhenOpened open={open}>
        <PayDialog
          open={open}
          accountId={accountId}
          balanceKopecks={balanceKopecks}
          returnedPaymentId={returnedPaymentId}
          onAccepted={onAccepted}
          onClose={close}
        />
      </MountWhenOpened>
    </>
  );
}
