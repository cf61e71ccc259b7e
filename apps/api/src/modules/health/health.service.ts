import { Inject, Injectable } from '@nestjs/common';
import type { HealthStatus, ReadinessResponse } from '@apilink/contracts';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT } from '../../infrastructure/redis/redis.tokens';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref())]);
}

async function probe(check: () => Promise<unknown>): Promise<HealthStatus> {
  try {
    await withTimeout(check());
    return 'ok';
  } catch {
    return 'unavailable';
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
  ) {}

  async readiness(): Promise<ReadinessResponse> {
    const checks: Record<string, HealthStatus> = { database: await probe(() => this.dataSource.query('SELECT 1')) };
    if (this.redis) checks.redis = await probe(() => this.redis!.ping());
    const ready = Object.values(checks).every((status) => status === 'ok');
    return { status: ready ? 'ok' : 'unavailable', checks };
  }
}
