import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { EnvBoolean } from './env-boolean.decorator';
import { ConfigValidationError, parseEnv } from './env-parser';

class SampleEnv {
  @IsInt() @Min(1)
  WORKERS: number = 4;

  @IsString()
  NAME: string = 'apilink';

  @IsOptional() @EnvBoolean()
  ENABLED?: boolean;
}

describe('parseEnv', () => {
  it('applies defaults for missing or empty variables', () => {
    expect(parseEnv(SampleEnv, { NAME: '' })).toMatchObject({ WORKERS: 4, NAME: 'apilink' });
  });

  it('converts numbers and booleans from strings', () => {
    const env = parseEnv(SampleEnv, { WORKERS: '8', ENABLED: 'false' });
    expect(env.WORKERS).toBe(8);
    expect(env.ENABLED).toBe(false);
    expect(parseEnv(SampleEnv, { ENABLED: '1' }).ENABLED).toBe(true);
  });

  it('names each invalid variable', () => {
    try {
      parseEnv(SampleEnv, { WORKERS: 'many', ENABLED: 'maybe' });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const { problems } = error as ConfigValidationError;
      expect(problems.some((problem) => problem.startsWith('WORKERS'))).toBe(true);
      expect(problems).toContain('ENABLED must be true or false');
    }
  });
});
