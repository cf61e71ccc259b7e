import { BILLING_DETAILS_MAX_LENGTH, type UpdateBillingDetailsRequest } from '@apilink/contracts';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const Text = () => MaxLength(BILLING_DETAILS_MAX_LENGTH);

export class UpdateBillingDetailsDto implements UpdateBillingDetailsRequest {
  @IsOptional()
  @IsString()
  @Text()
  name?: string | null;

  @IsOptional()
  @IsString()
  @Text()
  company?: string | null;

  @IsOptional()
  @IsString()
  @Text()
  addressLine1?: string | null;

  @IsOptional()
  @IsString()
  @Text()
  addressLine2?: string | null;

  @IsOptional()
  @IsString()
  @Text()
  city?: string | null;

  @IsOptional()
  @IsString()
  @Text()
  postalCode?: string | null;

  @IsOptional()
  @IsString()
  @Text()
  region?: string | null;

  @IsOptional()
  @IsString()
  @Matches(/^(|[A-Za-z]{2})$/, { message: 'country must be a two-letter ISO 3166-1 code, e.g. "DE"' })
  country?: string | null;

  @IsOptional()
  @IsString()
  @Text()
  vatId?: string | null;
}
