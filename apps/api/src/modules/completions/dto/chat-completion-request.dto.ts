/**
 * The body of POST /v1/chat/completions as the gateway accepts it. Unknown fields are refused by
 * name (the global ValidationPipe forbids them) rather than dropped, except a few OpenAI fields
 * that change nothing about the answer and are accepted and not forwarded.
 */
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ChatCompletionNamedToolChoice, ReasoningEffort } from '@apilink/contracts';
import { ChatMessageDto } from './chat-message.dto';
import { IsStopSequences, IsToolChoice } from './content-validators';

/** What a function tool and a JSON-schema response format have in common: a name clients and models refer to. */
class NamedSchemaDto {
  @Matches(/^[a-zA-Z0-9_-]{1,64}$/, { message: '$property must be 1-64 letters, digits, underscores or dashes' })
  name: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  @IsBoolean()
  strict?: boolean | null;
}

export class FunctionDefinitionDto extends NamedSchemaDto {
  @IsOptional()
  @IsObject()
  parameters?: Record<string, unknown>;
}

export class ToolDto {
  @Equals('function')
  type: 'function';

  @ValidateNested()
  @Type(() => FunctionDefinitionDto)
  function: FunctionDefinitionDto;
}

export class JsonSchemaFormatDto extends NamedSchemaDto {
  @IsOptional()
  @IsObject()
  schema?: Record<string, unknown>;
}

export class ResponseFormatDto {
  @IsIn(['text', 'json_object', 'json_schema'])
  type: 'text' | 'json_object' | 'json_schema';

  @ValidateIf((format: ResponseFormatDto) => format.type === 'json_schema')
  @ValidateNested()
  @Type(() => JsonSchemaFormatDto)
  json_schema?: JsonSchemaFormatDto;
}

export class StreamOptionsDto {
  @IsOptional()
  @IsBoolean()
  include_usage?: boolean;

  @IsOptional()
  @IsBoolean()
  include_obfuscation?: boolean;
}

const REASONING_EFFORTS: ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];

export class ChatCompletionRequestDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  model: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ChatMessageDto)
  messages: ChatMessageDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ToolDto)
  tools?: ToolDto[];

  @IsOptional()
  @IsToolChoice()
  tool_choice?: 'none' | 'auto' | 'required' | ChatCompletionNamedToolChoice;

  @IsOptional()
  @IsBoolean()
  parallel_tool_calls?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResponseFormatDto)
  response_format?: ResponseFormatDto;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(2)
  temperature?: number | null;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  top_p?: number | null;

  @IsOptional()
  @IsStopSequences()
  stop?: string | string[] | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  max_tokens?: number | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  max_completion_tokens?: number | null;

  @IsOptional()
  @IsInt()
  seed?: number | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(128)
  n?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;

  @IsOptional()
  @IsIn(REASONING_EFFORTS)
  reasoning_effort?: ReasoningEffort | null;

  @IsOptional()
  @IsNumber()
  @Min(-2)
  @Max(2)
  presence_penalty?: number | null;

  @IsOptional()
  @IsNumber()
  @Min(-2)
  @Max(2)
  frequency_penalty?: number | null;

  @IsOptional()
  @IsObject()
  logit_bias?: Record<string, number> | null;

  @IsOptional()
  @IsBoolean()
  logprobs?: boolean | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  top_logprobs?: number | null;

  @IsOptional()
  @IsBoolean()
  stream?: boolean | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => StreamOptionsDto)
  stream_options?: StreamOptionsDto | null;

  // Accepted for compatibility and not forwarded: none of them changes the answer.
  @IsOptional()
  @IsBoolean()
  store?: boolean | null;

  @IsOptional()
  @IsObject()
  metadata?: Record<string, string> | null;

  @IsOptional()
  @IsString()
  service_tier?: string | null;

  @IsOptional()
  @IsString()
  prompt_cache_key?: string;

  @IsOptional()
  @IsString()
  safety_identifier?: string;
}
