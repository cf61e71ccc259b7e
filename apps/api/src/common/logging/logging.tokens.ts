/** The app's one pino logger; the Nest logger adapter and the access log both write through it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
/** Where the root logger writes: stdout, in batches (batched-destination.ts). */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');
