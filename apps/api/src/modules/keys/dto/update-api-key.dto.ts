import { PartialType } from '@nestjs/swagger';
import type { UpdateApiKeyRequest } from '@apilink/contracts';
import { CreateApiKeyDto } from './create-api-key.dto';

/** Omitted fields stay as they are; null clears an optional limit. */
export class UpdateApiKeyDto extends PartialType(CreateApiKeyDto) implements UpdateApiKeyRequest {}
