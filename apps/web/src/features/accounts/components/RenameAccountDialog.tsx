import { type AccountSummary, NICKNAME_MAX, RenameAccountBody } from "@lk/contract/accounts";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useRenameAccount } from "../api/rename-account.ts";

interface Props {
  /** The account to name; null keeps the dialog closed. */
  account: AccountSummary | null;
  onClose: () => void;
  /** Saved: the name given, or null when it was removed. */
  onRenamed: (nickname: string | null) => void;
}

/**
 * «Переименовать»: the customer's own name for an account («Дача», «Квартира мамы»), shown in the
 * sidebar and on the account's page, to them only. An empty name removes it.
 */
export function RenameAccountDialog({ account, onClose, onRenamed }: Props) {
  return (
    <Dialog open={account !== null} onClose={onClose} title="Название лицевого счёта">
      {/* A fresh form for each account, starting from its current name. */}
      {account ? <RenameForm key={account.id} account={account} onClose={onClose} onRenamed={onRenamed} /> : null}
    </Dialog>
  );
}

function RenameForm({ account, onClose, onRenamed }: Props & { account: AccountSummary }) {
  const rename = useRenameAccount();
  const [value, setValue] = useState(account.nickname ?? "");
  const [fieldError, setFieldError] = useState<string | undefined>();

  const save = (nickname: string) => {
    const checked = RenameAccountBody.safeParse({ nickname });
    if (!checked.success) {
      setFieldError(checked.error.issues[0]?.message);
      return;
    }
    setFieldError(undefined);
    rename.mutate({ accountId: account.id, nickname }, { onSuccess: () => onRenamed(checked.data.nickname) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(value);
  };
  const serverField =
    rename.error instanceof ApiError ? rename.error.fields.find((f) => f.path === "nickname")?.message : undefined;

  return (
    <form onSubmit={onSubmit} noValidate>
      <p>
        Лицевой счёт № {account.number}, {account.shortAddress}.
      </p>
      <TextField
        label="Название"
        hint={`Например: Дача, Квартира мамы. Не длиннее ${NICKNAME_MAX} символов, видно только вам.`}
        value={value}
        maxLength={NICKNAME_MAX}
        autoComplete="off"
        data-autofocus
        error={fieldError ?? serverField}
        onChange={(event) => setValue(event.target.value)}
      />
      {rename.error && !serverField ? <Alert>{rename.error.message}</Alert> : null}
      <div className="dialog__actions">
        <Button type="submit" pending={rename.isPending}>
          Сохранить
        </Button>
        {account.nickname ? (
          <Button type="button" variant="secondary" disabled={rename.isPending} onClick={() => save("")}>
            Убрать название
          </Button>
        ) : null}
        <Button type="button" variant="secondary" onClick={onClose}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
