import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type ChangeRoleRequest, type UserRole } from '@apilink/contracts';
import { IsIn } from 'class-validator';
import { AdminActionDto } from './admin-action.dto';

export class ChangeRoleDto extends AdminActionDto implements ChangeRoleRequest {
  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role: UserRole;
}
