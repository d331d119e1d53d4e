export { start } from './server/start';
export type { StartOptions, RunningApp, ServedApi } from './server/start';
export { FakeClock, systemClock } from './clock';
export type { Clock } from './clock';
export { LocalIssuer } from './auth';
export { loadAppModel, AssemblyError } from './assembly';
export * from './model';
