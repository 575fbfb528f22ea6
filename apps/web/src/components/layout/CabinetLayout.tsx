import type { ReactNode } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { useSession, useSignOut } from "../../features/auth/api/session.ts";
import { Button } from "../ui/Button.tsx";

/**
 * SPEC §2: the accounts on the left (an operator's sections for an operator), «Профиль» and
 * sign-out top right, the page in the middle.
 */
export function CabinetLayout({
  sidebar,
  sidebarLabel = "Лицевые счета",
}: {
  sidebar: ReactNode;
  sidebarLabel?: string;
}) {
  const { data: user } = useSession();
  const signOut = useSignOut();
  const firstName = user?.fullName.split(/\s+/)[1] ?? user?.fullName;

  return (
    <div className="cabinet">
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand__name">Личный кабинет</span>
        </Link>
        <nav className="topbar__nav" aria-label="Учётная запись">
          <span className="topbar__user" title={user?.email}>
            {firstName}
          </span>
          <NavLink to="/profile" className="topbar__link">
            Профиль
          </NavLink>
          <Button variant="ghost" pending={signOut.isPending} onClick={() => signOut.mutate()}>
            Выйти
          </Button>
        </nav>
      </header>
      <div className="cabinet__body">
        <aside className="sidebar" aria-label={sidebarLabel}>
          {sidebar}
        </aside>
        <main id="main" className="cabinet__main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
