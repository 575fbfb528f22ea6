export { OutboxPage as Component } from "../../features/outbox/components/OutboxPage.tsx";
