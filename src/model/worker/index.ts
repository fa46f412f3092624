/** Typed jobs for Web Workers and worker threads: see protocol.ts. */
export * from './protocol';
export * from './ports';
export { serveJobs } from './serve';
export { JobRunner, type JobRunnerOptions } from './runner';
