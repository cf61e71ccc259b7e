import { Type } from 'class-transformer';
import { Equals, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import type { ChatCompletionContentPart } from '@apilink/contracts';
import { IsMessageContent } from './content-validators';

export class FunctionCallDto {
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsString()
  arguments: string;
}

export class ToolCallDto {
  @IsString()
  @IsNotEmpty()
  id: string;

  @Equals('function')
  type: 'function';

  @ValidateNested()
  @Type(() => FunctionCallDto)
  function: FunctionCallDto;
}

/** One entry of `messages`; which fields apply depends on the role. */
export class ChatMessageDto {
  @IsIn(['system', 'developer', 'user', 'assistant', 'tool'])
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';

  @IsMessageContent()
  content?: string | ChatCompletionContentPart[] | null;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;

  @ValidateIf((message: ChatMessageDto) => message.role === 'assistant' && message.tool_calls !== undefined)
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ToolCallDto)
  tool_calls?: ToolCallDto[];

  @ValidateIf((message: ChatMessageDto) => message.role === 'tool')
  @IsString()
  @IsNotEmpty()
  tool_call_id?: string;

  @IsOptional()
  @IsString()
  refusal?: string | null;
}
