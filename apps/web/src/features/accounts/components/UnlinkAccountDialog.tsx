import type { AccountSummary } from "@lk/contract/accounts";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
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
    <Dialog open={account !== null} onClose={close} title="Удалить лицевой счёт?">
      {account ? (
        <>
          <p>
            Лицевой счёт № {account.number} будет отключён от вашей учётной записи. Данные счёта у поставщика
            сохранятся, подключить его снова можно в любой момент.
          </p>
          {unlink.error ? <Alert>{unlink.error.message}</Alert> : null}
          <div className="dialog__actions">
            <Button
              variant="danger"
              pending={unlink.isPending}
              onClick={() =>
                unlink.mutate(account.id, {
                  onSuccess: () => {
                    unlink.reset();
                    onUnlinked(account);
                  },
                })
              }
            >
              Удалить
            </Button>
            <Button variant="secondary" onClick={close}>
              Отмена
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
