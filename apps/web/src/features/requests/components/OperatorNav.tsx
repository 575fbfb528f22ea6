import { NavLink } from "react-router";

/** The operator's side of the cabinet: their sections instead of the customer's accounts. */
export function OperatorNav() {
  return (
    <nav className="accounts-nav" aria-label="Разделы оператора">
      <h2 className="sidebar__title">Оператор</h2>
      <ul className="account-nav">
        <li>
          <NavLink to="/operator" className="account-link">
            <span className="account-link__number">Заявки клиентов</span>
            <span className="account-link__address">Изменение сведений лицевых счетов</span>
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
