/**
 * OpenAPI descriptions of query strings whose DTOs belong to the billing module (which does not
 * document itself): the admin routes reuse those DTOs and describe them here.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { LEDGER_ENTRY_KINDS, MAX_PAGE_SIZE, USAGE_STATUSES } from '@apilink/contracts';

export const ApiPageQuery = () =>
  applyDecorators(
    ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } }),
    ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 } }),
  );

export const ApiLedgerQuery = () =>
  applyDecorators(
    ApiPageQuery(),
    ApiQuery({
      name: 'kind',
      required: false,
      description: `Comma-separated: ${LEDGER_ENTRY_KINDS.join(', ')}`,
      schema: { type: 'string' },
    }),
  );

export const ApiUsageQuery = () =>
  applyDecorators(
    ApiPageQuery(),
    ApiQuery({ name: 'keyId', required: false, schema: { type: 'string', format: 'uuid' } }),
    ApiQuery({ name: 'model', required: false, schema: { type: 'string' } }),
    ApiQuery({ name: 'status', required: false, enum: USAGE_STATUSES }),
    ApiQuery({ name: 'from', required: false, description: 'ISO 8601, inclusive', schema: { type: 'string', format: 'date-time' } }),
    ApiQuery({ name: 'to', required: false, description: 'ISO 8601, exclusive', schema: { type: 'string', format: 'date-time' } }),
  );
