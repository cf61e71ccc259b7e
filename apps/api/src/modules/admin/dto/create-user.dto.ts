import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CREDIT_ADJUSTMENT_REASON_MAX_LENGTH,
  USER_NAME_MAX_LENGTH,
  USER_ROLES,
  type CreateUserRequest,
  type UserRole,
} from '@apilink/contracts';
import { Transform } from 'class-transformer';
import { trimString } from '../../../common/dto/trim-string';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 320)
  email: string;

  @ApiPropertyOptional({ maxLength: USER_NAME_MAX_LENGTH })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, USER_NAME_MAX_LENGTH, { message: `name must be 1 to ${USER_NAME_MAX_LENGTH} characters` })
  name?: string;

  @ApiPropertyOptional({ enum: USER_ROLES, default: 'customer' })
  @IsOptional()
  @IsIn(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` })
  role?: UserRole;

  @ApiPropertyOptional({ example: '10', description: 'USD, at most 6 decimals; posted as a ledger adjustment' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,6})?$/, { message: 'initialCreditsUsd must be a USD amount like "10" or "2.50" (at most 6 decimals)' })
  initialCreditsUsd?: string;

  @ApiPropertyOptional({ maxLength: CREDIT_ADJUSTMENT_REASON_MAX_LENGTH })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, CREDIT_ADJUSTMENT_REASON_MAX_LENGTH)
  reason?: string;
}
