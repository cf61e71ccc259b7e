import type { ApiKeySummary } from '@apilink/contracts';
import { Command, Option } from 'nest-commander';
import { KeysService } from '../../modules/keys/keys.service';
import { CliCommand, type JsonOption } from '../cli-command';

interface Options extends JsonOption {
  id: string;
}

@Command({ name: 'keys:revoke', description: 'revoke an API key by id (running instances stop accepting it via Redis)' })
export class KeysRevokeCommand extends CliCommand<Options, ApiKeySummary> {
  constructor(private readonly keys: KeysService) {
    super();
  }

  protected async execute({ id }: Options): Promise<ApiKeySummary> {
    await this.keys.getById(id);
    return this.keys.revoke(id);
  }

  protected describe(key: ApiKeySummary): string {
    return `Revoked key "${key.name}" (id ${key.id}) at ${key.revokedAt}`;
  }

  @Option({ flags: '--id <key-id>', required: true })
  parseId(value: string): string {
    return value;
  }
}
