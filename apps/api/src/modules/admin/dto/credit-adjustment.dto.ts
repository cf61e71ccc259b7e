import { ApiProperty } from '@nestjs/swagger';
import { CREDIT_ADJUSTMENT_REASON_MAX_LENGTH, type CreditAdjustmentRequest } from '@apilink/contracts';
import { Transform } from 'class-transformer';
import { trimString } from '../../../common/dto/trim-string';
import { IsString, Length, Matches } from 'class-validator';

export class CreditAdjustmentDto implements CreditAdjustmentRequest {
  @ApiProperty({ example: '-12.50', description: 'Signed USD, at most 6 decimals, not zero' })
  @IsString()
  @Matches(/^-?(?!0+(\.0+)?$)\d{1,9}(\.\d{1,6})?$/, {
    message: 'amountUsd must be a non-zero USD amount like "25" or "-3.50" (at most 6 decimals)',
  })
  amountUsd: string;

  @ApiProperty({ maxLength: CREDIT_ADJUSTMENT_REASON_MAX_LENGTH, description: 'Mandatory; written to the ledger and the audit log' })
  @Transform(trimString)
  @IsString()
  @Length(1, CREDIT_ADJUSTMENT_REASON_MAX_LENGTH, { message: 'reason is required (up to 500 characters)' })
  reason: string;
}
