import type { CreateCheckoutRequest } from '@apilink/contracts';
import { IsString, Matches } from 'class-validator';

export class CreateCheckoutDto implements CreateCheckoutRequest {
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'amountUsd must be an amount in USD with at most 2 decimals, e.g. "25" or "25.50"' })
  amountUsd: string;
}
