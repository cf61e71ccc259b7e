/**
 * Preloaded into a profiled gateway: Node writes --cpu-prof output only on a normal exit, while
 * Nest's shutdown hook ends the process by re-raising SIGTERM. Exiting first keeps the profile.
 */
process.once('SIGTERM', () => process.exit(0));
