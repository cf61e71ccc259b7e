import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminActionRequest } from '@apilink/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const ADMIN_REASON_MAX_LENGTH = 500;

/** Body of actions that need only an optional justification for the audit log. */
export class AdminActionDto implements AdminActionRequest {
  @ApiPropertyOptional({ maxLength: ADMIN_REASON_MAX_LENGTH, description: 'Written to the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(ADMIN_REASON_MAX_LENGTH)
  reason?: string;
}
