import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsInt, IsString, Min } from 'class-validator';
import { Public } from '../../src/common/auth/auth.decorator';

class EchoBody {
  @IsString()
  text: string;

  @IsInt()
  @Min(1)
  count: number;
}

/** Routes that exist only in tests of the HTTP plumbing (body parsing, validation, errors). */
@Controller()
class EchoTestController {
  @Public()
  @Post('/v1/test-echo')
  echoV1(@Body() body: EchoBody): EchoBody {
    return body;
  }

  @Public()
  @Post('/api/test-echo')
  echoInternal(@Body() body: EchoBody): EchoBody {
    return body;
  }

  @Public()
  @Get('/v1/test-crash')
  crash(): never {
    throw new Error('secret internal detail at /srv/app.ts:42');
  }

  @Get('/api/test-undeclared')
  undeclared(): string {
    return 'should never be served';
  }
}

@Module({ controllers: [EchoTestController] })
export class EchoTestModule {}
