import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseConfig } from '../config/database.config';
import { EmbeddedPostgresLauncher } from '../database/embedded-postgres.launcher';
import { typeormOptions } from '../database/typeorm-options';

/**
 * `WORKERS=N` > 1: this process runs no app itself. It starts the embedded PostgreSQL when there
 * is no DATABASE_URL, migrates once, then forks N workers that share the listening port (the
 * primary hands out connections) and the database. A worker that dies is replaced; SIGTERM or
 * SIGINT is passed to every worker, each shuts down gracefully (returning its credit leases), and
 * the primary exits once they all have.
 */
export async function runClusterPrimary(workers: number): Promise<void> {
  const logger = new Logger('Cluster');
  const database = databaseConfig();
  const launcher = database.url ? null : new EmbeddedPostgresLauncher(database.embedded.dataDir, database.embedded.port);
  const url = database.url ?? (await launcher!.start());
  if (database.migrateOnStart) {
    const dataSource = await new DataSource(typeormOptions(url, 2)).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  }
  const workerEnv = {
    DATABASE_URL: url,
    DATABASE_MIGRATE_ON_START: 'false',
    // glibc gives each thread that allocates its own malloc arena (up to 8 per core); a worker's
    // libuv and V8 helper threads left ~20 MB more RSS under load than with two (docs/benchmark.md),
    // at no measured CPU cost. It is read at process start, so it is set for the workers here.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  };
  let stopping = false;
  const fork = (): Worker => cluster.fork(workerEnv);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === workers) logger.log(`${workers} workers listening`);
  });
  for (let i = 0; i < workers; i++) fork();

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    await Promise.all(
      running.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill(signal);
          }),
      ),
    );
    await launcher?.stop();
    logger.log('All workers stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
