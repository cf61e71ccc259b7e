import type { EntityManager } from 'typeorm';

export type InvoiceSeriesPrefix = 'INV' | 'CN';

export interface IssuedNumber {
  series: string;
  number: number;
  displayNumber: string;
  /** The transaction's clock, which is also the invoice's `issued_at`: the year always matches. */
  issuedAt: Date;
}

/**
 * Takes the next number of `<prefix>-<year>` in the caller's transaction. The counter row stays
 * locked until commit, and a rollback gives the number back, so issued numbers have no gaps.
 */
export async function nextInvoiceNumber(manager: EntityManager, prefix: InvoiceSeriesPrefix): Promise<IssuedNumber> {
  const [clock]: { now: Date; year: number }[] = await manager.query(
    `SELECT now() AS now, EXTRACT(YEAR FROM now() AT TIME ZONE 'UTC')::int AS year`,
  );
  const series = `${prefix}-${clock.year}`;
  const [row]: { last_number: number }[] = await manager.query(
    `INSERT INTO invoice_number_series (series, last_number) VALUES ($1, 1)
     ON CONFLICT (series) DO UPDATE SET last_number = invoice_number_series.last_number + 1
     RETURNING last_number`,
    [series],
  );
  return {
    series,
    number: row.last_number,
    displayNumber: `${series}-${String(row.last_number).padStart(6, '0')}`,
    issuedAt: clock.now,
  };
}
