import { Controller, Get, Param } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTES, type AdminRequestDetail } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { AdminRequestsService } from './admin-requests.service';

@ApiTags('Requests (support and admin)')
@ApiCookieAuth()
@Controller()
@Auth('staff')
export class AdminRequestsController {
  constructor(private readonly requests: AdminRequestsService) {}

  @Get(ADMIN_ROUTES.request.pattern)
  @ApiOperation({ summary: 'One /v1 request by its X-Request-Id: user, key, model, upstream, tokens, cost, status, timings' })
  @ApiOkResponse({ description: 'AdminRequestDetail' })
  lookup(@Param('requestId') requestId: string): Promise<AdminRequestDetail> {
    return this.requests.lookup(requestId);
  }
}
