import { type AccountDetails, AccountIdParams } from "@lk/contract/accounts";
import { accountTitle } from "@lk/domain";
import { type ReactNode, useEffect } from "react";
import { Link, useParams } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { PageLoader } from "../../../components/ui/PageLoader.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useAccount } from "../api/get-account.ts";
import { AccountInfoCard } from "./AccountInfoCard.tsx";
import { BalanceCard } from "./BalanceCard.tsx";
import { LastBillCard } from "./LastBillCard.tsx";
import { MetersCard } from "./MetersCard.tsx";

function AccountNotFound() {
  return (
    <section className="page" aria-labelledby="account-title">
      <div className="card empty-state">
        <h1 id="account-title">Лицевой счёт не найден</h1>
        <p>Возможно, он был удалён из вашей учётной записи или в ссылке опечатка.</p>
        <Link to="/" className="button button--primary">
          На главную
        </Link>
      </div>
    </section>
  );
}

interface Props {
  /**
   * The blocks other features own («Оплатить» beside the balance, «Передать показания», «Автоплатеж»,
   * «Потребление», «История»): the app puts them in.
   */
  balanceActions: (account: AccountDetails) => ReactNode;
  readings: (accountId: string) => ReactNode;
  autopay: (accountId: string) => ReactNode;
  consumption: (accountId: string, accountNumber: string) => ReactNode;
  history: (accountId: string, accountNumber: string) => ReactNode;
  /** «Изменить» and «Мои заявки» under the account's details (the requests feature's). */
  requests: (accountId: string) => ReactNode;
}

/** SPEC §2: the main page of one personal account. */
export function AccountPage({ balanceActions, readings, autopay, consumption, history, requests }: Props) {
  const { accountId = "" } = useParams();
  // A malformed id cannot be anyone's account: no request, the same answer as for a stranger's.
  const valid = AccountIdParams.safeParse({ accountId }).success;
  const account = useAccount(accountId, { enabled: valid });
  const title = account.data ? accountTitle(account.data) : null;
  useEffect(() => {
    if (!title) return;
    // The tab says which account this is: the customer's name for it, or its number.
    const before = document.title;
    document.title = `${title} — Личный кабинет`;
    return () => {
      document.title = before;
    };
  }, [title]);

  if (!valid || (account.error instanceof ApiError && account.error.code === "NOT_FOUND")) {
    return <AccountNotFound />;
  }
  if (account.isPending) return <PageLoader />;
  if (account.isError) {
    return (
      <section className="page" aria-labelledby="account-title">
        <h1 id="account-title">Лицевой счёт</h1>
        <Alert>Не удалось загрузить данные лицевого счёта. {account.error.message}</Alert>
        <Button variant="secondary" pending={account.isFetching} onClick={() => account.refetch()}>
          Повторить
        </Button>
      </section>
    );
  }

  const details = account.data;
  return (
    <section className="page account-page" aria-labelledby="account-title">
      <header className="account-page__header">
        <h1 id="account-title">{accountTitle(details)}</h1>
        {details.nickname ? <p className="account-page__number">Лицевой счёт № {details.number}</p> : null}
        <p className="account-page__supplier">
          {details.supplier.name}
          {details.isPrimary ? <span className="tag">основной</span> : null}
        </p>
        <p className="account-page__address">{details.address}</p>
      </header>
      <div className="account-grid">
        <BalanceCard account={details} actions={balanceActions(details)} />
        <LastBillCard bill={details.lastBill} />
        <div className="account-grid__wide">
          <MetersCard meters={details.meters} />
        </div>
        <div className="account-grid__wide">{readings(details.id)}</div>
        {autopay(details.id)}
        <AccountInfoCard account={details}>{requests(details.id)}</AccountInfoCard>
        <div className="account-grid__wide">{consumption(details.id, details.number)}</div>
        <div className="account-grid__wide">{history(details.id, details.number)}</div>
      </div>
    </section>
  );
}
