/**
 * The start of every billed /v1 request: admit it (model, limits, worst-case cost), then hold that
 * cost before any upstream is called. A refusal of either is counted as a rejected request.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ApiKeyPrincipal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { REQUEST_BILLING, type Hold, type RequestBilling } from '../../billing/request-billing.port';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import type { AdmittedRequest } from '../admission/request-admission';

export interface HeldRequest {
  admitted: AdmittedRequest;
  hold: Hold;
}

@Injectable()
export class RequestHolds {
  constructor(
    @Inject(REQUEST_BILLING) private readonly billing: RequestBilling,
    private readonly metrics: GatewayMetrics,
  ) {}

  /** @throws what `admit` throws, or the hold's 402/503; both after counting the rejection. */
  async admitAndHold(
    admit: () => AdmittedRequest | Promise<AdmittedRequest>,
    caller: ApiKeyPrincipal,
    requestId: string,
    stream: boolean,
    startedAt: number,
  ): Promise<HeldRequest> {
    let admitted: AdmittedRequest | null = null;
    try {
      admitted = await admit();
      const hold = await this.billing.reserve({
        requestId,
        userId: caller.userId,
        keyId: caller.keyId,
        spendCapMicros: caller.spendCapMicros,
        amountMicros: admitted.holdMicros,
        model: admitted.active.model.id,
      });
      return { admitted, hold };
    } catch (error) {
      // Unknown model ids never become metric labels: only catalog ids do.
      const status = error instanceof AppError ? error.status : 500;
      this.metrics.requestRejected(admitted ? admitted.active.model.id : 'unknown', status, performance.now() - startedAt, stream);
      throw error;
    }
  }
}
