import type pg from "pg";
import { type Database, poolOf } from "./client.ts";

/**
 * A fixed SQL text with a name: run as a named (prepared) statement, PostgreSQL parses and plans it
 * once per connection and then only executes it. The hot paths use these (decision 005): the
 * driver adapter sends every Prisma query unnamed, so PostgreSQL planned the account page's
 * JSON-building query again on every request (1.16 ms of its CPU against 0.3 ms prepared).
 *
 * node-postgres keeps a named statement per connection for the connection's life and refuses one
 * name with two texts, so a statement is a module-level constant, never built per call.
 * `Params` is the tuple of `$1…$n`; `Row` what a row holds as node-postgres returns it
 * (timestamptz → Date, numeric and bigint → string, json → parsed).
 */
export interface Statement<Params extends readonly unknown[], Row> {
  readonly name: string;
  readonly text: string;
  /** Types only: never set. */
  readonly __types?: { params: Params; row: Row };
}

const texts = new Map<string, string>();

export function statement<Params extends readonly unknown[], Row>(name: string, text: string): Statement<Params, Row> {
  const known = texts.get(name);
  if (known !== undefined && known !== text) throw new Error(`Statement "${name}" is defined twice with other SQL`);
  texts.set(name, text);
  return { name, text };
}

/** Runs statements: on the pool (each on any free connection) or on one connection in a transaction. */
export interface Sql {
  query<P extends readonly unknown[], R>(statement: Statement<P, R>, params: P): Promise<R[]>;
}

const run = async <P extends readonly unknown[], R>(
  target: pg.Pool | pg.PoolClient,
  s: Statement<P, R>,
  params: P,
): Promise<R[]> => {
  const result = await target.query<R & pg.QueryResultRow>({ name: s.name, text: s.text, values: [...params] });
  return result.rows;
};

/** The statements runner over the client's own pool (the one Prisma's adapter uses). */
export function sqlOf(db: Database): Sql {
  const pool = poolOf(db);
  return { query: (s, params) => run(pool, s, params) };
}

/**
 * One transaction on one connection: BEGIN, `work`, COMMIT (ROLLBACK when `work` throws). Two
 * statements of overhead, so a request that must be atomic costs `2 + what it runs`.
 */
export async function transaction<T>(db: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  let broken: unknown;
  try {
    await client.query("BEGIN");
    const result = await work({ query: (s, params) => run(client, s, params) });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      // A connection that cannot even roll back is not given to the next request.
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken instanceof Error ? broken : undefined);
  }
}
