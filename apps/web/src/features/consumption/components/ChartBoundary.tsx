import { Component, type ReactNode } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";

interface Props {
  children: ReactNode;
  /** What to offer instead of the chart (the table has the same numbers). */
  fallback: ReactNode;
}

/**
 * The chart's code comes on demand; when it cannot (a dropped connection on a phone, a new
 * release replaced the file), the rest of the page stays and the customer is pointed to the table.
 */
export class ChartBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="card__error">
        <Alert>Не удалось загрузить график. Те же цифры есть в таблице.</Alert>
        {this.props.fallback}
      </div>
    );
  }
}
