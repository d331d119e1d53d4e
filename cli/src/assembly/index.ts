export { AssemblyError } from './errors';
export { loadAppModel } from './load-app-model';
export type { LoadOptions } from './load-app-model';
