import type { AccountSummary } from "@lk/contract/accounts";
import { useEffect, useState } from "react";
import { useMatch, useNavigate } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { MountWhenOpened } from "../../../components/ui/MountWhenOpened.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { lazyWithPreload } from "../../../lib/lazy-with-preload.ts";
import { useAccounts } from "../api/get-accounts.ts";
import { useMakePrimary } from "../api/make-primary.ts";
import type { MenuAction } from "./AccountActionsMenu.tsx";
import { AccountNavItem } from "./AccountNavItem.tsx";
import { UnlinkAccountDialog } from "./UnlinkAccountDialog.tsx";

// The linking forms are not part of the first screen: their code comes with the first «Добавить».
const LinkAccountDialog = lazyWithPreload(
  () => import("./LinkAccountDialog.tsx"),
  (m) => m.LinkAccountDialog,
);

// Nor is the rename dialog: its code comes with the first «Переименовать».
const RenameAccountDialog = lazyWithPreload(
  () => import("./RenameAccountDialog.tsx"),
  (m) => m.RenameAccountDialog,
);

const NOTICE_MS = 8000;

/** A success message that stays a few seconds, in a live region that exists before it fills. */
function useNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice] as const;
}

/** SPEC §2: the customer's personal accounts, «Добавить лицевой счёт», and «⋯» → «Переименовать», «Удалить». */
export function AccountsSidebar() {
  const accounts = useAccounts();
  const makePrimary = useMakePrimary();
  const navigate = useNavigate();
  const openAccountId = useMatch("/accounts/:accountId")?.params.accountId;
  const [adding, setAdding] = useState(false);
  const [unlinking, setUnlinking] = useState<AccountSummary | null>(null);
  const [renaming, setRenaming] = useState<AccountSummary | null>(null);
  const [notice, setNotice] = useNotice();

  const list = accounts.data ?? [];
  const actionsFor = (account: AccountSummary): MenuAction[] => {
    const rename = { label: "Переименовать", onSelect: () => setRenaming(account) };
    // The primary account stays while others exist (SPEC §4): make another one primary first.
    if (account.isPrimary && list.length > 1) return [rename];
    const remove = { label: "Удалить", onSelect: () => setUnlinking(account) };
    if (account.isPrimary) return [rename, remove];
    const primary = {
      label: "Сделать основным",
      onSelect: () =>
        makePrimary.mutate(account.id, {
          onSuccess: () => setNotice(`Лицевой счёт № ${account.number} теперь основной`),
        }),
    };
    return [primary, rename, remove];
  };

  return (
    <div className="accounts-nav">
      <h2 className="sidebar__title">Лицевые счета</h2>
      <div className="sidebar__notice" role="status">
        {notice ? <p className="alert alert--success">{notice}</p> : null}
      </div>
      {makePrimary.error ? <Alert>{makePrimary.error.message}</Alert> : null}
      {accounts.isPending ? (
        <div className="sidebar__loading">
          <Spinner label="Загружаем лицевые счета…" />
        </div>
      ) : accounts.isError ? (
        <div className="sidebar__error">
          <Alert>Не удалось загрузить лицевые счета. {accounts.error.message}</Alert>
          <Button variant="secondary" onClick={() => accounts.refetch()} pending={accounts.isFetching}>
            Повторить
          </Button>
        </div>
      ) : list.length === 0 ? (
        <p className="sidebar__empty">Нет подключённых лицевых счетов.</p>
      ) : (
        <ul className="account-nav" aria-label="Подключённые лицевые счета">
          {list.map((account) => (
            <AccountNavItem key={account.id} account={account} actions={actionsFor(account)} />
          ))}
        </ul>
      )}
      <Button
        variant="secondary"
        className="button--wide"
        onClick={() => setAdding(true)}
        onPointerEnter={LinkAccountDialog.preload}
        onFocus={LinkAccountDialog.preload}
      >
        Добавить лицевой счёт
      </Button>
      <MountWhenOpened open={adding}>
        <LinkAccountDialog
          open={adding}
          onClose={() => setAdding(false)}
          onLinked={(account) => {
            setAdding(false);
            setNotice(`Лицевой счёт № ${account.number} успешно подключён`);
            navigate(`/accounts/${account.id}`);
          }}
        />
      </MountWhenOpened>
      <MountWhenOpened open={renaming !== null}>
        <RenameAccountDialog
          account={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={(nickname) => {
            const number = renaming?.number;
            setRenaming(null);
            setNotice(
              nickname
                ? `Лицевой счёт № ${number} теперь называется «${nickname}»`
                : `Название лицевого счёта № ${number} убрано`,
            );
          }}
        />
      </MountWhenOpened>
      <UnlinkAccountDialog
        account={unlinking}
        onClose={() => setUnlinking(null)}
        onUnlinked={(account) => {
          setUnlinking(null);
          setNotice(`Лицевой счёт № ${account.number} удалён из учётной записи`);
          if (openAccountId === account.id) navigate("/", { replace: true });
        }}
      />
    </div>
  );
}
