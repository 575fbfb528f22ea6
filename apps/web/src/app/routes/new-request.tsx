import { AccountIdParams } from "@lk/contract/accounts";
import { Link, useParams } from "react-router";
import { Alert } from "../../components/ui/Alert.tsx";
import { Button } from "../../components/ui/Button.tsx";
import { PageLoader } from "../../components/ui/PageLoader.tsx";
import { useAccount } from "../../features/accounts/api/get-account.ts";
import { NewRequestPage } from "../../features/requests/components/NewRequestPage.tsx";
import { ApiError } from "../../lib/api-client.ts";

/**
 * «Изменить» (loaded on demand): the requests feature's form, given the account's details as the
 * accounts feature holds them (the values shown as «Сейчас»).
 */
export function Component() {
  const { accountId = "" } = useParams();
  const valid = AccountIdParams.safeParse({ accountId }).success;
  const account = useAccount(accountId, { enabled: valid });

  if (!valid || (account.error instanceof ApiError && account.error.code === "NOT_FOUND")) {
    return (
      <section className="page" aria-labelledby="new-request-title">
        <div className="card empty-state">
          <h1 id="new-request-title">Лицевой счёт не найден</h1>
          <p>Заявку можно подать только по своему подключённому лицевому счёту.</p>
          <Link to="/" className="button button--primary">
            На главную
          </Link>
        </div>
      </section>
    );
  }
  if (account.isPending) return <PageLoader />;
  if (account.isError) {
    return (
      <section className="page" aria-labelledby="new-request-title">
        <h1 id="new-request-title">Заявка на изменение сведений</h1>
        <Alert>Не удалось загрузить данные лицевого счёта. {account.error.message}</Alert>
        <Button variant="secondary" pending={account.isFetching} onClick={() => account.refetch()}>
          Повторить
        </Button>
      </section>
    );
  }
  return <NewRequestPage account={account.data} />;
}
