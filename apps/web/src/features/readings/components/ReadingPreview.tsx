import type { MeterReadingState } from "@lk/contract/readings";
import { formatKopecks } from "@lk/domain";
import { zoneName } from "../../../lib/meter-format.ts";
import { formatKwh } from "../reading-labels.ts";
import { previewReading, type TypedValues } from "../reading-preview.ts";

interface Props {
  id: string;
  meter: MeterReadingState;
  typed: TypedValues;
}

/** The use and an estimate of its cost, as the customer types (the bill decides the real amount). */
export function ReadingPreview({ id, meter, typed }: Props) {
  const preview = previewReading(meter, typed);
  const many = meter.zones.length > 1;
  return (
    <div id={id} className="reading-preview">
      {preview.zones.length === 0 ? (
        <p className="reading-preview__hint">Введите показания: здесь появятся расход и примерная стоимость.</p>
      ) : (
        <>
          <ul className="reading-preview__zones">
            {preview.zones.map(({ zone, kwhMilli }) => (
              <li key={zone}>
                {`Расход${many ? ` (${zoneName(zone, meter.zones.length)})` : ""}: ${formatKwh(kwhMilli)} кВт·ч`}
              </li>
            ))}
          </ul>
          {preview.totalCostKopecks === null ? null : (
            <p className="reading-preview__cost">{`Примерная стоимость: ${formatKopecks(preview.totalCostKopecks)}`}</p>
          )}
        </>
      )}
    </div>
  );
}
