import { useState } from "react";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";

/** The sidebar: the customer's personal accounts and «Добавить лицевой счёт». */
export function AccountsSidebar() {
  const [adding, setAdding] = useState(false);
  return (
    <div className="accounts-nav">
      <h2 className="sidebar__title">Лицевые счета</h2>
      <p className="sidebar__empty">Нет подключённых лицевых счетов.</p>
      <Button variant="secondary" className="button--wide" onClick={() => setAdding(true)}>
        Добавить лицевой счёт
      </Button>
      <Dialog open={adding} onClose={() => setAdding(false)} title="Добавить лицевой счёт">
        <p>Подключение лицевых счетов появится в ближайшем обновлении личного кабинета.</p>
        <div className="dialog__actions">
          <Button onClick={() => setAdding(false)}>Понятно</Button>
        </div>
      </Dialog>
    </div>
  );
}
