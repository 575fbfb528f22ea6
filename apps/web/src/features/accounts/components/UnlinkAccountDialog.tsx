import type { AccountSummary } from "@lk/contract/accounts";
import { ConfirmDialog } from "../../../components/ui/ConfirmDialog.tsx";
import { useUnlinkAccount } from "../api/unlink-account.ts";

interface Props {
  /** The account to remove; null keeps the dialog closed. */
  account: AccountSummary | null;
  onClose: () => void;
  onUnlinked: (account: AccountSummary) => void;
}

/** SPEC §4: «Удалить» asks first, and says that only the link goes. */
export function UnlinkAccountDialog({ account, onClose, onUnlinked }: Props) {
  const unlink = useUnlinkAccount();
  const close = () => {
    unlink.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={account !== null}
      title="Удалить лицевой счёт?"
      action={unlink}
      confirmLabel="Удалить"
      onClose={close}
      onConfirm={() =>
        account &&
        unlink.mutate(account.id, {
          onSuccess: () => {
            unlink.reset();
            onUnlinked(account);
          },
        })
      }
    >
      {account ? (
        <p>
          Лицевой счёт № {account.number} будет отключён от вашей учётной записи. Данные счёта у поставщика сохранятся,
          подключить его снова можно в любой момент.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
