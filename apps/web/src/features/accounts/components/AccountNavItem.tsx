import type { AccountSummary } from "@lk/contract/accounts";
import { NavLink } from "react-router";
import { balanceText, balanceWording } from "../balance.ts";
import { AccountActionsMenu, type MenuAction } from "./AccountActionsMenu.tsx";

interface Props {
  account: AccountSummary;
  /** Null when the account may not be removed now (the primary while others exist). */
  actions: MenuAction[] | null;
}

/** One account in the sidebar: number, short address, balance in words, and its «⋯» menu. */
export function AccountNavItem({ account, actions }: Props) {
  const { tone } = balanceWording(account.balanceKopecks);
  return (
    <li className="account-nav__item">
      <NavLink to={`/accounts/${account.id}`} className="account-link">
        <span className="account-link__head">
          <span className="account-link__number">№ {account.number}</span>
          {account.isPrimary ? <span className="tag">основной</span> : null}
        </span>
        <span className="account-link__address">{account.shortAddress}</span>
        <span className={`account-link__balance balance--${tone}`}>{balanceText(account.balanceKopecks)}</span>
      </NavLink>
      {actions ? <AccountActionsMenu accountNumber={account.number} actions={actions} /> : null}
    </li>
  );
}
