import { drizzle } from 'drizzle-orm/node-postgres';
import type { Db } from '@haat/database';
import type pg from 'pg';

/**
 * A transaction on a connection of `pool` that survives the server dropping the connection
 * while `fn` awaits something else (the relay awaits the broker inside its claim transaction).
 * A checked-out pg client has no 'error' listener, so such a drop would otherwise surface as an
 * unhandled 'error' event and end the process; here it only fails this transaction.
 */
export async function guardedTransaction<T>(pool: pg.Pool, fn: (tx: Db) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (err: Error) => {
    lost = err;
  };
  client.on('error', onError);
  try {
    await client.query('begin');
    const result = await fn(drizzle(client));
    await client.query('commit');
    return result;
  } catch (err) {
    if (!lost) await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.removeListener('error', onError);
    // A broken connection is discarded rather than handed to the next caller.
    client.release(lost);
  }
}
