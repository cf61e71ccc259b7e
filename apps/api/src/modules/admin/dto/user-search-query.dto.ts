import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminUserSearchQuery } from '@apilink/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/dto/page-query.dto';

export class UserSearchQueryDto extends PageQueryDto implements AdminUserSearchQuery {
  @ApiPropertyOptional({ description: 'Any part of the email address, case-insensitive; all users when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;
}
