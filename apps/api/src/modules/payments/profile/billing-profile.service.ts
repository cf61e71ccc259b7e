import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { BillingDetails } from '@apilink/contracts';
import type { EntityManager, Repository } from 'typeorm';
import { BillingProfileEntity } from '../entities/billing-profile.entity';

const FIELDS = ['name', 'company', 'addressLine1', 'addressLine2', 'city', 'postalCode', 'region', 'country', 'vatId'] as const;

export interface BuyerSnapshot extends BillingDetails {
  email: string;
}

/** The customer's billing details (printed on invoices issued after each change). */
@Injectable()
export class BillingProfileService {
  constructor(@InjectRepository(BillingProfileEntity) private readonly profiles: Repository<BillingProfileEntity>) {}

  async get(userId: string): Promise<BillingDetails> {
    return toDetails(await this.profiles.findOne({ where: { userId } }));
  }

  /** Replaces every field; blank strings are stored as null, the country upper-cased. */
  async update(userId: string, details: Partial<BillingDetails>): Promise<BillingDetails> {
    const values = Object.fromEntries(FIELDS.map((field) => [field, clean(details[field])])) as Record<
      (typeof FIELDS)[number],
      string | null
    >;
    if (values.country) values.country = values.country.toUpperCase();
    await this.profiles.upsert({ userId, ...values, updatedAt: new Date() }, ['userId']);
    return this.get(userId);
  }

  /** What an invoice records about its buyer, read in the issuing transaction. */
  async snapshot(manager: EntityManager, userId: string): Promise<BuyerSnapshot> {
    const [user]: { email: string }[] = await manager.query('SELECT email FROM users WHERE id = $1', [userId]);
    const profile = await manager.getRepository(BillingProfileEntity).findOne({ where: { userId } });
    return { email: user?.email ?? '', ...toDetails(profile) };
  }
}

function toDetails(profile: BillingProfileEntity | null): BillingDetails {
  return Object.fromEntries(FIELDS.map((field) => [field, profile?.[field] ?? null])) as unknown as BillingDetails;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
