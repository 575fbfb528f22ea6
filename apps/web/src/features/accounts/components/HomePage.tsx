import { Navigate } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";
import { PageLoader } from "../../../components/ui/PageLoader.tsx";
import { useSession } from "../../auth/api/session.ts";
import { useAccounts } from "../api/get-accounts.ts";

/** The cabinet's first page: the primary account's page, or how to start when none is linked. */
export function HomePage() {
  const { data: user } = useSession();
  const accounts = useAccounts();
  const name = user?.fullName.split(/\s+/).slice(1).join(" ") || user?.fullName;

  if (accounts.isPending) return <PageLoader />;
  const primary = accounts.data?.find((a) => a.isPrimary) ?? accounts.data?.[0];
  if (primary) return <Navigate to={`/accounts/${primary.id}`} replace />;

  return (
    <section className="page" aria-labelledby="home-title">
      <h1 id="home-title">Здравствуйте, {name}!</h1>
      {accounts.isError ? (
        <Alert>Не удалось загрузить лицевые счета. Нажмите «Повторить» в списке лицевых счетов.</Alert>
      ) : (
        <div className="card empty-state">
          <h2 className="card__title">Подключите лицевой счёт</h2>
          <p>
            Чтобы передавать показания, оплачивать счета и смотреть историю, подключите свой лицевой счёт: нажмите
            «Добавить лицевой счёт» в меню слева. Номер лицевого счёта указан в квитанции.
          </p>
        </div>
      )}
    </section>
  );
}
