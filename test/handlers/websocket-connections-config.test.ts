import {
  DEFAULT_CONNECTION_TTL_SECONDS,
  readConnectionRegistryConfig,
  readConnectionTtl,
  readManagementEndpoint,
  readTableName,
} from '../../src/handlers/websocket-connections-config.lambda-shared';

describe('the registry configuration', () => {
  it('reads the table and the TTL', () => {
    const config = readConnectionRegistryConfig({ GATEWAYKIT_CONNECTIONS_TABLE: 'Connections', GATEWAYKIT_CONNECTION_TTL_SECONDS: '3600' });

    expect(config).toEqual({ tableName: 'Connections', ttlSeconds: 3600 });
  });

  it('defaults the TTL to two hours', () => {
    expect(readConnectionTtl(undefined)).toBe(7200);
    expect(DEFAULT_CONNECTION_TTL_SECONDS).toBe(7200);
  });

  it.each(['0', '-60', '1.5', '1e3', ' 60', 'two hours', '99999999999999999999'])('refuses the TTL %j', (raw) => {
    expect(() => readConnectionTtl(raw)).toThrow(/GATEWAYKIT_CONNECTION_TTL_SECONDS must be a whole number of seconds of at least 1, got/);
  });

  it.each([
    [undefined, /GATEWAYKIT_CONNECTIONS_TABLE is not set/],
    ['', /GATEWAYKIT_CONNECTIONS_TABLE is not set/],
    ['ab', /must be a DynamoDB table name \(3 to 255 characters.*got "ab"/],
    ['arn:aws:dynamodb:eu-west-1:123456789012:table/Connections', /must be a DynamoDB table name/],
  ])('refuses the table name %j', (raw, message) => {
    expect(() => readTableName(raw)).toThrow(message);
  });

  it('accepts an https management endpoint', () => {
    expect(readManagementEndpoint('https://abc123.execute-api.eu-west-1.amazonaws.com/prod')).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com/prod');
  });

  it.each([
    [undefined, /GATEWAYKIT_MANAGEMENT_ENDPOINT is not set/],
    ['http://abc123.execute-api.eu-west-1.amazonaws.com/prod', /must be an https:\/\/ URL .*got "http:/],
    ['abc123.execute-api.eu-west-1.amazonaws.com/prod', /must be an https:\/\/ URL/],
  ])('refuses the management endpoint %j', (raw, message) => {
    expect(() => readManagementEndpoint(raw)).toThrow(message);
  });
});
