/**
 * Jest snapshot serializer: replaces content hashes of assets (64 hex characters) so that a snapshot changes
 * when the template changes, not when a bundled handler's bytes do.
 */
const ASSET_HASH = /[0-9a-f]{64}/;
const ALL_ASSET_HASHES = new RegExp(ASSET_HASH.source, 'g');

module.exports = {
  test: (value: unknown) => typeof value === 'string' && ASSET_HASH.test(value),
  serialize: (value: string) => JSON.stringify(value.replace(ALL_ASSET_HASHES, '[ASSET-HASH]')),
};
