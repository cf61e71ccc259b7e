import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTES, type AuditLogEntry, type Page } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { AuditService } from '../audit/audit.service';
import { ApiPageQuery } from './docs/api-query.decorators';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

@ApiTags('Audit log (admin)')
@ApiCookieAuth()
@Controller()
@Auth('admin')
export class AdminAuditController {
  constructor(private readonly audit: AuditService) {}

  @Get(ADMIN_ROUTES.auditLog)
  @ApiOperation({ summary: 'Staff and operator actions, newest first, filtered by actor, action, target and time' })
  @ApiOkResponse({ description: 'Page<AuditLogEntry>' })
  @ApiPageQuery()
  list(@Query() query: AuditLogQueryDto): Promise<Page<AuditLogEntry>> {
    return this.audit.list(query);
  }
}
