import type { AccountSummary } from "@lk/contract/accounts";
import { NavLink } from "react-router";
import { balanceText, balanceWording } from "../balance.ts";
import { AccountActionsMenu, type MenuAction } from "./AccountActionsMenu.tsx";

interface Props {
  account: AccountSummary;
  /** What «⋯» offers for it (no «Удалить» for the primary while others exist). */
  actions: MenuAction[];
}

/** One account in the sidebar: the customer's name for it, number, short address, balance in words, and «⋯». */
export function AccountNavItem({ account, actions }: Props) {
  const { tone } = balanceWording(account.balanceKopecks);
  return (
    <li className="account-nav__item">
      <NavLink to={`/accounts/${account.id}`} className="account-link">
        {account.nickname ? <span className="account-link__nickname">{account.nickname}</span> : null}
        <span className="account-link__head">
          <span className="account-link__number">№ {account.number}</span>
          {account.isPrimary ? <span className="tag">основной</span> : null}
        </span>
        <span className="account-link__address">{account.shortAddress}</span>
        <span className={`account-link__balance balance--${tone}`}>{balanceText(account.balanceKopecks)}</span>
      </NavLink>
      <AccountActionsMenu accountNumber={account.number} actions={actions} />
    </li>
  );
}
