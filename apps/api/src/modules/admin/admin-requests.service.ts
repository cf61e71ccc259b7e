import { Injectable } from '@nestjs/common';
import type { AdminRequestDetail } from '@apilink/contracts';
import { AppError } from '../../common/errors/app-error';
import { UsersService } from '../auth/users.service';
import { toUsageRecord } from '../billing/mappers/usage-record.mapper';
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
    const [user, key] = await Promise.all([this.users.getById(record.userId), this.keys.getById(record.keyId).catch(() => null)]);
    return {
      requestId: record.requestId,
      user: { id: user.id, email: user.email },
      key: {
        id: record.keyId,
        name: key?.name ?? null,
        displayKey: key?.displayKey ?? null,
      },
      usage: toUsageRecord(record),
      // Null for rows settled before attempts were recorded (and for expired holds).
      attempts: record.attempts,
    };
  }
}
