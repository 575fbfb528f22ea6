import { useState } from "react";
import { Button } from "../../../components/ui/Button.tsx";
import { SelectField } from "../../../components/ui/SelectField.tsx";
import { selectableYears } from "../consumption-years.ts";

interface Props {
  currentYear: number;
  /** The year shown now. */
  applied: number;
  onApply: (year: number) => void;
}

/** «Год» and «Показать»: as on the real portal, choosing a year changes nothing until «Показать». */
export function YearPicker({ currentYear, applied, onApply }: Props) {
  const [draft, setDraft] = useState(applied);
  return (
    <form
      className="year-picker"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <SelectField label="Год" value={draft} onChange={(event) => setDraft(Number(event.target.value))}>
        {selectableYears(currentYear).map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" className="year-picker__apply">
        Показать
      </Button>
    </form>
  );
}
