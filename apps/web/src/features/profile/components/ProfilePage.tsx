import { useSession } from "../../auth/api/session.ts";

function formatPhone(phone: string | null): string {
  if (!phone) return "не указан";
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : phone;
}

export function ProfilePage() {
  const { data: user } = useSession();
  if (!user) return null;
  return (
    <section aria-labelledby="profile-title" className="page">
      <h1 id="profile-title">Профиль</h1>
      <div className="card">
        <h2 className="card__title">Учётная запись</h2>
        <dl className="details">
          <dt>ФИО</dt>
          <dd>{user.fullName}</dd>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
          <dt>Мобильный телефон</dt>
          <dd>{formatPhone(user.phone)}</dd>
        </dl>
      </div>
    </section>
  );
}
