import { LEDGER_ENTRY_KINDS, type LedgerEntryKind } from '@apilink/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from './page-query.dto';

export class LedgerQueryDto extends PageQueryDto {
  /** Comma-separated kinds, e.g. `top_up,refund`; all kinds when omitted. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((kind) => kind.trim()) : value))
  @IsIn(LEDGER_ENTRY_KINDS, { each: true })
  kind?: LedgerEntryKind[];
}
