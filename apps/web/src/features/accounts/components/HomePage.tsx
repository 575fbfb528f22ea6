import { useSession } from "../../auth/api/session.ts";

/** The cabinet's first page: with no account linked yet, it says how to start. */
export function HomePage() {
  const { data: user } = useSession();
  const name = user?.fullName.split(/\s+/).slice(1).join(" ") || user?.fullName;
  return (
    <section className="page" aria-labelledby="home-title">
      <h1 id="home-title">Здравствуйте, {name}!</h1>
      <div className="card empty-state">
        <h2 className="card__title">Подключите лицевой счёт</h2>
        <p>
          Чтобы передавать показания, оплачивать счета и смотреть историю, подключите свой лицевой счёт: нажмите
          «Добавить лицевой счёт» в меню слева. Номер лицевого счёта указан в квитанции.
        </p>
      </div>
    </section>
  );
}
