export { start, StartOptions, RunningApp, ServedApi } from './server/start';
export { FakeClock, Clock, systemClock } from './clock';
export { LocalIssuer } from './auth';
export { loadAppModel, AssemblyError } from './assembly';
export * from './model';
