import type { MeterSummary } from "@lk/contract/accounts";
import { formatIsoDate, formatMoscowDate } from "../../../lib/dates.ts";
import { formatMeterValue, zoneName } from "../../../lib/meter-format.ts";
import { readingSourceText } from "../meters.ts";

function MeterItem({ meter, today }: { meter: MeterSummary; today: string }) {
  const reading = meter.lastReading;
  const verificationOverdue = meter.verificationDue < today;
  return (
    <li className="meter">
      <h3 className="meter__title">
        Счётчик {meter.model}, № {meter.serialNumber}
      </h3>
      {meter.automated ? <p className="tag tag--info">Подключён к АСКУЭ: показания передаются автоматически</p> : null}
      {meter.faulty ? <p className="tag tag--warning">Прибор учёта неисправен: обратитесь к поставщику</p> : null}
      {reading ? (
        <>
          <p className="meter__reading-date">
            Последние показания от {formatMoscowDate(reading.takenAt)} ({readingSourceText[reading.source]})
          </p>
          <dl className="meter__values">
            {reading.values.map(({ zone, value }) => (
              <div key={zone} className="meter__value">
                <dt>{zoneName(zone, meter.zones.length)}</dt>
                <dd>
                  {formatMeterValue(value)} <abbr title="киловатт-час">кВт·ч</abbr>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="card__muted">Показаний по этому прибору учёта пока нет.</p>
      )}
      <p className={verificationOverdue ? "meter__verification meter__verification--overdue" : "meter__verification"}>
        Поверка до {formatIsoDate(meter.verificationDue)}
        {verificationOverdue ? " — срок истёк, обратитесь к поставщику" : ""}
      </p>
    </li>
  );
}

/** The meters with their last readings, zone by zone, and who took them. */
export function MetersCard({ meters }: { meters: MeterSummary[] }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="card" aria-labelledby="meters-title">
      <h2 id="meters-title" className="card__title">
        Приборы учёта
      </h2>
      {meters.length === 0 ? (
        <p className="card__muted">Приборов учёта на этом лицевом счёте нет.</p>
      ) : (
        <ul className="meters">
          {meters.map((meter) => (
            <MeterItem key={meter.id} meter={meter} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}
