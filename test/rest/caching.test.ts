import { Duration } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { CacheClusterSize, RestAuthorizer } from '../../src';
import { newApi, templateOf } from '../support/fixtures';

const cachedApi = () => newApi((handler) => ({
  stages: {
    prod: { caching: { clusterSize: CacheClusterSize.GB_1_6, ttl: Duration.minutes(10) } },
    dev: {},
  },
  routes: {
    'GET /items': { handler, isPublic: true, cache: { keyParameters: ['querystring.page'] } },
    'GET /items/{id}': { handler, isPublic: true, cache: { ttl: Duration.seconds(30), keyParameters: ['path.id'] } },
    'POST /items': { handler, isPublic: true },
  },
}));

function stageProperties(stack: ReturnType<typeof newApi>['stack'], stageName: string) {
  return Object.values(templateOf(stack).findResources('AWS::ApiGateway::Stage', { Properties: { StageName: stageName } }))[0].Properties;
}

describe('caching', () => {
  test('has no cache cluster by default', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    expect(stageProperties(stack, 'prod').CacheClusterEnabled).toBeUndefined();
  });

  test('provisions the cache cluster of the size asked, on that stage only', () => {
    const { stack } = cachedApi();
    expect(stageProperties(stack, 'prod')).toMatchObject({ CacheClusterEnabled: true, CacheClusterSize: '1.6' });
    expect(stageProperties(stack, 'dev').CacheClusterEnabled).toBeUndefined();
  });

  test('caches only the routes that ask, with the stage TTL unless the route sets its own, encrypted', () => {
    const { stack } = cachedApi();
    const settings = stageProperties(stack, 'prod').MethodSettings;
    expect(settings).toEqual([
      expect.objectContaining({ ResourcePath: '/*', HttpMethod: '*', CachingEnabled: false, CacheDataEncrypted: true }),
      expect.objectContaining({ ResourcePath: '/~1items', HttpMethod: 'GET', CachingEnabled: true, CacheDataEncrypted: true, CacheTtlInSeconds: 600 }),
      expect.objectContaining({ ResourcePath: '/~1items~1{id}', HttpMethod: 'GET', CachingEnabled: true, CacheTtlInSeconds: 30 }),
    ]);
  });

  test('leaves caching out of the method settings of a stage without a cache', () => {
    const { stack } = cachedApi();
    const settings = stageProperties(stack, 'dev').MethodSettings;
    expect(settings).toHaveLength(1);
    expect(settings[0].CachingEnabled).toBeUndefined();
  });

  test('puts the cache key parameters on the integration and declares them on the method', () => {
    const { stack } = cachedApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      RequestParameters: { 'method.request.querystring.page': false },
      Integration: Match.objectLike({ CacheKeyParameters: ['method.request.querystring.page'] }),
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      RequestParameters: { 'method.request.path.id': true },
      Integration: Match.objectLike({ CacheKeyParameters: ['method.request.path.id'] }),
    });
  });

  test('keeps one invoke permission per function and stage when routes have different cache keys', () => {
    const { stack } = cachedApi();
    expect(Object.keys(templateOf(stack).findResources('AWS::Lambda::Permission'))).toHaveLength(2);
  });

  test('can leave cached data unencrypted when asked', () => {
    const { stack } = newApi((handler) => ({
      stages: { prod: { caching: { encrypted: false } } },
      routes: { 'GET /items': { handler, isPublic: true, cache: {} } },
    }));
    expect(stageProperties(stack, 'prod').MethodSettings[1]).toMatchObject({ CachingEnabled: true, CacheDataEncrypted: false, CacheTtlInSeconds: 300 });
  });

  test('warns when an authorized route is cached without the caller in its cache key', () => {
    const { stack } = newApi((handler) => ({
      authorizer: RestAuthorizer.iam(),
      stages: { prod: { caching: {} } },
      routes: { 'GET /me': { handler, cache: {} } },
    }));
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp("routes\\['GET /me'\\]\\.cache: the route is authorized but its cache key does not include header.Authorization"));
  });

  test('does not warn when the cache key includes the Authorization header', () => {
    const { stack } = newApi((handler) => ({
      stages: { prod: { caching: {} } },
      routes: { 'GET /me': { handler, cache: { keyParameters: ['header.Authorization'] } } },
    }));
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cache-shared-between-callers'))).toHaveLength(0);
  });

  test('refuses caching settings on a stage with caching off', () => {
    expect(() => newApi(() => ({ stages: { prod: { caching: { enabled: false, ttl: Duration.minutes(1) } } } })))
      .toThrow(/stages\['prod'\]\.caching\.enabled is false but stages\['prod'\]\.caching\.ttl is set; remove it or turn caching on/);
  });

  test('refuses a route cache when no stage has caching', () => {
    expect(() => newApi((handler) => ({ routes: { 'GET /items': { handler, isPublic: true, cache: {} } } })))
      .toThrow(/\[RouteCacheWithoutStageCache\].*routes\['GET \/items'\]\.cache is set but no stage has caching/);
  });

  test('refuses a cache TTL above one hour', () => {
    expect(() => newApi(() => ({ stages: { prod: { caching: { ttl: Duration.hours(2) } } } })))
      .toThrow(/stages\['prod'\]\.caching\.ttl must be between 0 and 3600 seconds, got 7200 seconds/);
  });

  test('refuses a cache key parameter that is not a request part', () => {
    expect(() => newApi((handler) => ({
      stages: { prod: { caching: {} } },
      routes: { 'GET /items': { handler, isPublic: true, cache: { keyParameters: ['cookie.session'] } } },
    }))).toThrow(/routes\['GET \/items'\]\.cache\.keyParameters\[0\] is "cookie.session"; expected 'querystring.<name>', 'header.<name>' or 'path.<name>'/);
  });

  test('refuses a full method request parameter as a cache key parameter, suggesting the short form', () => {
    expect(() => newApi((handler) => ({
      stages: { prod: { caching: {} } },
      routes: { 'GET /items': { handler, isPublic: true, cache: { keyParameters: ['method.request.querystring.page'] } } },
    }))).toThrow(/keyParameters\[0\] is "method\.request\.querystring\.page"; expected 'querystring\.<name>', 'header\.<name>' or 'path\.<name>' \(did you mean 'querystring\.page'\?\)$/);
  });

  test('refuses a path cache key parameter the route does not have', () => {
    expect(() => newApi((handler) => ({
      stages: { prod: { caching: {} } },
      routes: { 'GET /items/{id}': { handler, isPublic: true, cache: { keyParameters: ['path.itemId'] } } },
    }))).toThrow(/keyParameters\[0\] is 'path.itemId' but the route 'GET \/items\/\{id\}' has only the path variables id/);
  });

  test('refuses turning the cache off on a hardened API', () => {
    expect(() => newApi(() => ({ hardened: true, stages: { prod: { caching: { enabled: false } } } })))
      .toThrow(/hardened is true but stages\['prod'\]\.caching\.enabled is false/);
  });
});
