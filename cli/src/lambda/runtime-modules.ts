import * as path from 'node:path';

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/**
 * The `node_modules` folder holding the AWS SDK for JavaScript v3 clients this package installs: a sandbox's
 * `NODE_PATH`, as Lambda's Node.js runtime puts the clients it provides (`/var/runtime/node_modules`) on it, so that
 * `require('@aws-sdk/client-lambda')` works in a handler whose code does not bundle it. Undefined when not installed.
 */
export const RUNTIME_MODULES_DIR: string | undefined = (() => {
  try {
    const entry = require.resolve('@aws-sdk/client-lambda');
    return entry.slice(0, entry.lastIndexOf(NODE_MODULES) + NODE_MODULES.length - 1);
  } catch {
    return undefined;
  }
})();
