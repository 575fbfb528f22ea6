export { UndoContactChangePage as Component } from "../../features/auth/components/UndoContactChangePage.tsx";
