import { Injectable } from '@nestjs/common';
import type { AdminRequestDetail } from '@apilink/contracts';
import { AppError } from '../../common/errors/app-error';
import { UsersService } from '../auth/users.service';
import { UsageQueryService } from '../billing/usage/usage-query.service';
import { KeysService } from '../keys/keys.service';

/** One /v1 request by the id a customer quotes in a ticket, across every account. */
@Injectable()
export class AdminRequestsService {
  constructor(
    private readonly usage: UsageQueryService,
    private readonly users: UsersService,
    private readonly keys: KeysService,
  ) {}

  async lookup(requestId: string): Promise<AdminRequestDetail> {
    const record = await this.usage.findByRequestId(requestId);
    if (!record) throw AppError.notFound(`No request with id ${requestId} in the usage log`);
    const { usage, attempts } = record;
    const [user, key] = await Promise.all([this.users.getById(record.userId), this.keys.getById(usage.keyId).catch(() => null)]);
    return {
      requestId: usage.requestId,
      user: { id: user.id, email: user.email },
      key: { id: usage.keyId, name: key?.name ?? null, displayKey: key?.displayKey ?? null },
      usage,
      attempts,
    };
  }
}
