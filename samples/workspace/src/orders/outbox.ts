/**
 * Relays the rows of the outbox table to the message broker, oldest first: the events are written in
 * the same transaction as the order (ADR-0003), so that none is lost when the process dies.
 */
export interface OutboxRow {
  readonly id: number;
  readonly topic: string;
  readonly payload: string;
}

/** Publishes one batch and returns the ids sent; the caller deletes them in one statement. */
export async function relay(rows: readonly OutboxRow[], publish: (row: OutboxRow) => Promise<void>): Promise<number[]> {
  const sent: number[] = [];
  for (const row of rows) {
    // Read from the primary, never the reporting replica (ADR-0004): a lagging replica would resend.
    await publish(row);
    sent.push(row.id);
  }
  return sent;
}
