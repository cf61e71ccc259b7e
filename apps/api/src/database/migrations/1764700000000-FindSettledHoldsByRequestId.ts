import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SETTLE_BATCH_FUNCTION } from './1764600000000-AddBillingBatchFunctions';

/** The hold lookup of billing_settle_batch as AddBillingBatchFunctions wrote it. */
const LOOKUP_BY_REQUEST_AND_STATUS = `
    UPDATE credit_holds h SET status = v_item.outcome, resolved_at = now()
     WHERE h.request_id = v_item.request_id AND h.status = 'open' AND h.user_id = v_user AND h.key_id = v_key
    RETURNING * INTO v_hold;
    IF NOT FOUND THEN`;

/**
 * The same hold, found by its request id alone (the unique index), checked, then updated by its
 * primary key. With the status in the lookup's condition, the planner may pick the open-holds
 * index instead and filter every open hold for the request id: measured 6 ms per settlement with
 * 56,000 open holds, the kind of backlog an outage leaves behind.
 */
const LOOKUP_BY_REQUEST_ID = `
    SELECT * INTO v_hold FROM credit_holds h WHERE h.request_id = v_item.request_id FOR UPDATE;
    IF FOUND AND v_hold.status = 'open' AND v_hold.user_id = v_user AND v_hold.key_id = v_key THEN
      UPDATE credit_holds h SET status = v_item.outcome, resolved_at = now() WHERE h.id = v_hold.id;
    ELSE`;

/** A function definition that replaces the one in place instead of failing because it exists. */
function orReplace(functionSql: string): string {
  return functionSql.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION');
}

function withLookupByRequestId(functionSql: string): string {
  if (!functionSql.includes(LOOKUP_BY_REQUEST_AND_STATUS)) {
    throw new Error('billing_settle_batch no longer has the hold lookup this migration replaces');
  }
  return functionSql.replace(LOOKUP_BY_REQUEST_AND_STATUS, LOOKUP_BY_REQUEST_ID);
}

export class FindSettledHoldsByRequestId1764700000000 implements MigrationInterface {
  name = 'FindSettledHoldsByRequestId1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(orReplace(withLookupByRequestId(SETTLE_BATCH_FUNCTION)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(orReplace(SETTLE_BATCH_FUNCTION));
  }
}
