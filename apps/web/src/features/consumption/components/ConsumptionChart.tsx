import type { Zone } from "@lk/domain";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  type XAxisTickContentProps,
  YAxis,
} from "recharts";
import { formatMeterValue } from "../../../lib/meter-format.ts";
import { type ConsumptionView, cellText, MISSING_TEXT, type MonthRow } from "../consumption-months.ts";

// This module and recharts are loaded on demand (ConsumptionCard's lazy import): the first
// screen does not wait for a chart library.

/**
 * Each ≥ 3:1 against white (8.0, 3.2, 9.5); neighbours in a stack differ in hue and by 2.5:1 and
 * 3:1 in lightness, and a white gap splits the segments. The legend, tooltip and table name them.
 */
const ZONE_COLOURS: Record<Zone, string> = { T1: "#0b4ea2", T2: "#d97706", T3: "#134e4a" };
const PREVIOUS_COLOUR = "#1b2430";
const TEXT = "#1b2430";
const MUTED = "#5a6473";
const GRID = "#d5dbe3";

type Point = { month: string; previous: number | null } & Partial<Record<Zone, number | null>>;

const kwhOf = (milli: number | null | undefined) => (milli === null || milli === undefined ? null : milli / 1000);

function pointsOf(view: ConsumptionView): Point[] {
  return view.rows.map((row) => ({
    month: row.month,
    ...Object.fromEntries(
      view.zones.map(({ zone }) => [zone, row.status === "ACTUAL" ? kwhOf(row.zones[zone] ?? 0) : null]),
    ),
    previous: row.previous.status === "ACTUAL" ? kwhOf(row.previous.total) : null,
  }));
}

/** The month under its bar; a month no reading closes says so across its empty column, not as a zero bar. */
function MonthTick({ x, y, row }: XAxisTickContentProps & { row: MonthRow | undefined }) {
  if (!row) return null;
  return (
    <g transform={`translate(${x},${y})`}>
      <text dy={14} textAnchor="middle" fontSize={11} fill={row.status === "ACTUAL" ? TEXT : MUTED}>
        {row.short}
      </text>
      {row.status === "MISSING" ? (
        <text transform="rotate(-90)" x={10} dy={4} textAnchor="start" fontSize={11} fontStyle="italic" fill={MUTED}>
          {MISSING_TEXT}
        </text>
      ) : null}
    </g>
  );
}

const withUnit = (text: string) => (/\d/.test(text) ? `${text} кВт·ч` : text);

function ChartTooltip({ row, view, compare }: { row: MonthRow | undefined; view: ConsumptionView; compare: boolean }) {
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">
        {row.name} {view.year}
      </p>
      <dl className="chart-tooltip__values">
        {row.status === "ACTUAL" && view.zones.length > 1
          ? view.zones.map(({ zone, name }) => (
              <div key={zone}>
                <dt>
                  <span className="chart-tooltip__swatch" style={{ background: ZONE_COLOURS[zone] }} />
                  {name}
                </dt>
                <dd>{withUnit(cellText(row.status, row.zones[zone] ?? 0))}</dd>
              </div>
            ))
          : null}
        <div>
          <dt>Всего</dt>
          <dd>{row.status === "FUTURE" ? "месяц ещё не наступил" : withUnit(cellText(row.status, row.total))}</dd>
        </div>
        {compare ? (
          <div>
            <dt>{view.year - 1}</dt>
            <dd>{withUnit(cellText(row.previous.status, row.previous.total))}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)")?.matches ?? false;

interface Props {
  view: ConsumptionView;
  compare: boolean;
  /** The text alternative: what the chart shows, in words. */
  summary: string;
}

/** Months on the X axis, kWh stacked by zone, and last year's totals as a dashed line with dots. */
export function ConsumptionChart({ view, compare, summary }: Props) {
  const rows = new Map(view.rows.map((r) => [r.month, r]));
  const animate = !reducedMotion();
  const topZone = view.zones.at(-1)?.zone;
  return (
    <div className="consumption-chart" role="img" aria-label={summary}>
      <p className="consumption-chart__unit">кВт·ч</p>
      <div className="consumption-chart__plot">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={pointsOf(view)}
            margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
            barCategoryGap="18%"
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke={GRID} />
            <XAxis
              dataKey="month"
              interval={0}
              tickLine={false}
              stroke={MUTED}
              tick={(props: XAxisTickContentProps) => (
                <MonthTick {...props} row={rows.get(String(props.payload.value))} />
              )}
            />
            <YAxis
              width={44}
              allowDecimals={false}
              tickLine={false}
              axisLine={false}
              tick={{ fontSize: 11, fill: MUTED }}
              tickFormatter={(value: number) => formatMeterValue(String(Math.round(value)))}
            />
            <Tooltip
              cursor={{ fill: "rgb(11 78 162 / 8%)" }}
              content={({ active, label }) =>
                active ? <ChartTooltip row={rows.get(String(label))} view={view} compare={compare} /> : null
              }
            />
            <Legend
              verticalAlign="bottom"
              iconSize={12}
              wrapperStyle={{ fontSize: 13, paddingTop: 4 }}
              formatter={(value) => <span className="consumption-chart__legend">{value}</span>}
            />
            {view.zones.map(({ zone, name }) => (
              <Bar
                key={zone}
                dataKey={zone}
                name={name}
                stackId="year"
                fill={ZONE_COLOURS[zone]}
                stroke="#ffffff"
                strokeWidth={1}
                maxBarSize={40}
                radius={zone === topZone ? [3, 3, 0, 0] : 0}
                legendType="square"
                isAnimationActive={animate}
              />
            ))}
            {compare ? (
              <Line
                type="linear"
                dataKey="previous"
                name={`${view.year - 1} год, всего`}
                stroke={PREVIOUS_COLOUR}
                strokeWidth={2}
                strokeDasharray="6 4"
                dot={{ r: 4, fill: "#ffffff", stroke: PREVIOUS_COLOUR, strokeWidth: 2 }}
                activeDot={{ r: 5 }}
                connectNulls={false}
                legendType="plainline"
                isAnimationActive={false}
              />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
