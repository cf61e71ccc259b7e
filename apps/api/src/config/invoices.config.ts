import { readFileSync } from 'node:fs';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { defineConfig } from './define-config';
import { IsImageFile } from './image-file';

class InvoicesEnv {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  INVOICE_SELLER_NAME: string = 'ApiLink';

  /** Address lines separated by ";", e.g. "1 Main Street;10115 Berlin;Germany". */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  INVOICE_SELLER_ADDRESS?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  INVOICE_SELLER_VAT_ID?: string;

  @IsOptional()
  @IsEmail()
  INVOICE_SELLER_EMAIL?: string;

  /** PNG or JPEG printed at the top of every invoice. */
  @IsOptional()
  @IsImageFile()
  INVOICE_SELLER_LOGO_FILE?: string;
}

export const invoicesConfig = defineConfig('invoices', InvoicesEnv, (env) => ({
  seller: {
    name: env.INVOICE_SELLER_NAME,
    addressLines: (env.INVOICE_SELLER_ADDRESS ?? '')
      .split(';')
      .map((line) => line.trim())
      .filter(Boolean),
    vatId: env.INVOICE_SELLER_VAT_ID ?? null,
    email: env.INVOICE_SELLER_EMAIL ?? null,
  },
  /** Read once at boot; printed, not stored on the invoice (its snapshot keeps the seller's text). */
  sellerLogo: env.INVOICE_SELLER_LOGO_FILE ? readFileSync(env.INVOICE_SELLER_LOGO_FILE) : null,
}));
