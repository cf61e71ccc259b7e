import { ConsoleLogger, Logger } from '@nestjs/common';
import { capturedLines } from './__testing__/captured-lines';
import { PinoLoggerService } from './pino-logger.service';
import { createRootLogger } from './root-logger.factory';

describe('PinoLoggerService', () => {
  let lines: Record<string, unknown>[];
  let adapter: PinoLoggerService;

  function useLevel(level: string): void {
    const captured = capturedLines();
    lines = captured.lines;
    adapter = new PinoLoggerService(createRootLogger({ level, pretty: false }, captured.destination));
    Logger.overrideLogger(adapter);
  }

  beforeEach(() => useLevel('trace'));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  describe("through Nest's Logger, as the services call it", () => {
    const logger = new Logger('BillingService');

    it('writes a plain message with its context', () => {
      logger.log('Model catalog seeded');
      expect(lines).toEqual([expect.objectContaining({ level: 30, context: 'BillingService', msg: 'Model catalog seeded' })]);
    });

    it('merges the fields of an object-first call: warn({ requestId }, msg)', () => {
      logger.warn({ requestId: 'req-1' }, 'Hold already settled or expired');
      expect(lines).toEqual([
        expect.objectContaining({ level: 40, context: 'BillingService', requestId: 'req-1', msg: 'Hold already settled or expired' }),
      ]);
    });

    it('serialises err with its type, message and stack: error({ err, requestId }, msg)', () => {
      const failure = new TypeError('connection reset');
      logger.error({ err: failure, requestId: 'req-2' }, 'Could not settle a hold');
      expect(lines).toEqual([
        expect.objectContaining({
          level: 50,
          context: 'BillingService',
          requestId: 'req-2',
          msg: 'Could not settle a hold',
          err: expect.objectContaining({ type: 'TypeError', message: 'connection reset', stack: failure.stack }),
        }),
      ]);
    });

    it('takes an Error as the first argument and uses its message', () => {
      const failure = new Error('pool exhausted');
      logger.error(failure);
      expect(lines).toEqual([
        expect.objectContaining({
          level: 50,
          context: 'BillingService',
          msg: 'pool exhausted',
          err: expect.objectContaining({ type: 'Error', message: 'pool exhausted', stack: failure.stack }),
        }),
      ]);
    });

    it('adds nothing but the context to error(msg): no err, no stray fields', () => {
      logger.error('Route declares no authentication');
      expect(Object.keys(lines[0]).sort()).toEqual(['context', 'hostname', 'level', 'msg', 'pid', 'time']);
      expect(lines[0]).toMatchObject({ level: 50, msg: 'Route declares no authentication' });
    });

    it('maps verbose to trace, debug to debug and fatal to fatal', () => {
      logger.verbose('v');
      logger.debug('d');
      logger.fatal('f');
      expect(lines.map((line) => [line.level, line.msg])).toEqual([
        [10, 'v'],
        [20, 'd'],
        [60, 'f'],
      ]);
    });

    it("demotes Nest's per-route and per-module boot lines to debug, keeping other contexts at info", () => {
      new Logger('RouterExplorer').log('Mapped {/v1/models, GET} route');
      new Logger('InstanceLoader').log('AppModule dependencies initialized');
      new Logger('ApiLink').log('Dashboard: http://localhost:3000/');
      expect(lines.map((line) => [line.level, line.context])).toEqual([
        [20, 'RouterExplorer'],
        [20, 'InstanceLoader'],
        [30, 'ApiLink'],
      ]);
    });

    it('writes no context for the static Logger called without one', () => {
      Logger.log('static message');
      expect(lines[0]).toMatchObject({ level: 30, msg: 'static message' });
      expect(lines[0]).not.toHaveProperty('context');
    });
  });

  describe("Nest's own call shapes", () => {
    it('turns error(message, stack, context) from the exception handlers into an err with that stack', () => {
      const stack = 'Error: boom\n    at Handler.run (handler.ts:1:1)';
      adapter.error('boom', stack, 'ExceptionsHandler');
      expect(lines).toEqual([
        expect.objectContaining({
          level: 50,
          context: 'ExceptionsHandler',
          msg: 'boom',
          err: expect.objectContaining({ message: 'boom', stack }),
        }),
      ]);
    });

    it('interpolates format arguments before the context', () => {
      adapter.log('Loaded %d models from %s', 3, 'seed', 'Catalog');
      expect(lines[0]).toMatchObject({ context: 'Catalog', msg: 'Loaded 3 models from seed' });
    });
  });

  it('writes nothing below the configured level', () => {
    useLevel('warn');
    adapter.log('hidden', 'Ctx');
    adapter.debug({ requestId: 'r' }, 'hidden too', 'Ctx');
    adapter.warn('shown', 'Ctx');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
  });
});
