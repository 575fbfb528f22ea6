/** The bearer token the benchmark's app takes for /metrics (bench/server.ts). */
export const BENCH_METRICS_TOKEN = "bench-metrics-token-0123456789";

/** A counter's value from the app's /metrics (Prometheus text), 0 when absent. */
export async function scrapeCounter(baseUrl: string, name: string): Promise<number> {
  const res = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } });
  const text = await res.text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(" ")[1]) : 0;
}
