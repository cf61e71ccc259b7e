import { AppError } from '../../common/errors/app-error';
import { checkModelList, checkQuirkSettings } from './upstream-settings';

function errorOf(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
}

describe('checkQuirkSettings', () => {
  it('accepts a known preset and a valid quirks record on the openai protocol', () => {
    expect(() => checkQuirkSettings('openai', 'deepseek', { dropParams: ['user'], streamUsage: 'always' })).not.toThrow();
  });

  it('names the quirks field when the record is invalid', () => {
    const error = errorOf(() => checkQuirkSettings('openai', null, { dropParams: ['no_such_param'], colour: 'blue' }));
    expect(error.status).toBe(400);
    expect(error.param).toBe('quirks');
    expect(error.message).toMatch(/unknown key "colour"/);
  });

  it('refuses an unknown preset', () => {
    expect(errorOf(() => checkQuirkSettings('openai', 'nope', null)).param).toBe('quirksPreset');
  });

  it('refuses quirks on protocols that have no quirks', () => {
    expect(errorOf(() => checkQuirkSettings('anthropic', null, { dropParams: [] })).param).toBe('quirks');
    expect(errorOf(() => checkQuirkSettings('gemini', 'openai', null)).param).toBe('quirksPreset');
  });
});

describe('checkModelList', () => {
  it('refuses the same model twice on one account', () => {
    expect(errorOf(() => checkModelList([{ model: 'a/b' }, { model: 'a/b' }])).message).toMatch(/listed twice/);
  });
});
