import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import { newTiers } from './fixture';
import { QuotaOptions, TierOptions } from '../../src/usage-plans';

const planOf = (stack: Stack, plan: apigateway.UsagePlan) =>
  Template.fromStack(stack).toJSON().Resources[stack.resolve((plan.node.defaultChild as apigateway.CfnUsagePlan).logicalId)].Properties;

describe('a tier', () => {
  test('is a usage plan named after the tier, with its throttle, quota and description', () => {
    const { stack, tiers } = newTiers();
    tiers.addTier('gold', {
      description: 'Paying customers',
      throttle: { rateLimit: 100.5, burstLimit: 200 },
      quota: { limit: 100000, period: apigateway.Period.MONTH, offset: 14 },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'gold',
      Description: 'Paying customers',
      Throttle: { RateLimit: 100.5, BurstLimit: 200 },
      Quota: { Limit: 100000, Period: 'MONTH', Offset: 14 },
    });
  });

  test('without a throttle or quota has neither', () => {
    const { stack, tiers } = newTiers();
    const plan = tiers.addTier('free', {});
    const properties = planOf(stack, plan);
    expect(properties.Throttle).toBeUndefined();
    expect(properties.Quota).toBeUndefined();
  });

  test('keeps a quota limit of 0, which the UsagePlan L2 would drop', () => {
    const { stack, tiers } = newTiers();
    const plan = tiers.addTier('suspended', { quota: { limit: 0, period: apigateway.Period.DAY } });
    expect(planOf(stack, plan).Quota).toEqual({ Limit: 0, Period: 'DAY' });
  });

  test('is named from the tier name alone and returned in usagePlans', () => {
    const { tiers } = newTiers();
    const plan = tiers.addTier('gold', {});
    expect(plan.node.id).toBe('Tier-gold');
    expect(tiers.usagePlans.gold).toBe(plan);
  });

  test('covers every stage of the API', () => {
    const { stack, api, beta, tiers } = newTiers();
    const plan = tiers.addTier('gold', {});
    expect(planOf(stack, plan).ApiStages).toEqual([
      { ApiId: stack.resolve(api.restApiId), Stage: stack.resolve(api.deploymentStage.stageName) },
      { ApiId: stack.resolve(api.restApiId), Stage: stack.resolve(beta.stageName) },
    ]);
  });

  test('covers a stage known only after the tier was added', () => {
    const { stack, tiers, stageNames } = newTiers();
    const plan = tiers.addTier('gold', {});
    stageNames.push('late');
    expect(planOf(stack, plan).ApiStages.map((stage: { Stage: unknown }) => stage.Stage)).toContainEqual('late');
  });

  test('renders route throttles on every stage, keyed by method path', () => {
    const { stack, tiers } = newTiers();
    const plan = tiers.addTier('gold', {
      throttle: { rateLimit: 100, burstLimit: 200 },
      routeThrottles: {
        'GET /items/{id}': { rateLimit: 10, burstLimit: 20 },
        'get /': { rateLimit: 5 },
        'ANY /{proxy+}': { burstLimit: 1 },
      },
    });
    const expected = {
      '/items/{id}/GET': { RateLimit: 10, BurstLimit: 20 },
      '//GET': { RateLimit: 5 },
      '/{proxy+}/*': { BurstLimit: 1 },
    };
    const stages = planOf(stack, plan).ApiStages;
    expect(stages).toHaveLength(2);
    for (const stage of stages) {
      expect(stage.Throttle).toEqual(expected);
    }
  });

  test('renders no throttle map on the stages of a tier without route throttles', () => {
    const { stack, tiers } = newTiers();
    tiers.addTier('free', {});
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      ApiStages: Match.arrayWith([Match.objectEquals({ ApiId: Match.anyValue(), Stage: Match.anyValue() })]),
    });
  });

  test.each([
    ['DAY', 0],
    ['WEEK', 0],
    ['WEEK', 6],
    ['MONTH', 27],
  ])('accepts a %s quota starting on day %d', (period, offset) => {
    const { tiers } = newTiers();
    expect(() => tiers.addTier('gold', { quota: { limit: 1, period: period as apigateway.Period, offset } })).not.toThrow();
  });

  test('does not check numbers that are tokens', () => {
    const { tiers } = newTiers();
    const unknown = Lazy.number({ produce: () => -1 });
    expect(() => tiers.addTier('gold', {
      throttle: { rateLimit: unknown, burstLimit: unknown },
      quota: { limit: unknown, period: apigateway.Period.WEEK, offset: unknown },
    })).not.toThrow();
  });
});

describe('a tier is refused when', () => {
  const addTier = (name: string, options: TierOptions) => () => newTiers().tiers.addTier(name, options);

  test.each([
    ['empty', ''],
    ['with a space', 'gold plan'],
    ['with a slash', 'gold/plus'],
    ['starting with a dash', '-gold'],
    ['longer than 64 characters', 'g'.repeat(65)],
  ])('its name is %s', (_, name) => {
    expect(addTier(name, {})).toThrow(new RegExp(`\\[InvalidTierName\\] TestStack/Metered: tiers\\['${name.replace(/[/]/g, '\\/')}'\\] has the tier name '.*'; expected 1 to 64 letters, digits, '-' or '_' starting with a letter or digit`));
  });

  test('its name is a token', () => {
    expect(addTier(Lazy.string({ produce: () => 'gold' }), {})).toThrow(/\[InvalidTierName\].*the name is known at synth/);
  });

  test('its name is taken', () => {
    const { tiers } = newTiers();
    tiers.addTier('gold', {});
    expect(() => tiers.addTier('gold', {})).toThrow(/\[DuplicateTier\] TestStack\/Metered: tiers\['gold'\] is added twice; each tier needs its own name/);
  });

  test('its construct id is taken by another construct', () => {
    const { scope, tiers } = newTiers();
    new Construct(scope, 'Tier-gold');
    expect(() => tiers.addTier('gold', {})).toThrow(/\[ConstructIdClash\] .*tiers\['gold'\] would create the construct 'Tier-gold', but TestStack\/Metered already has a child with that id; rename the tier/);
  });

  test('its rate limit is negative', () => {
    expect(addTier('gold', { throttle: { rateLimit: -1 } })).toThrow(/\[Negative\] .*tiers\['gold'\]\.throttle\.rateLimit must be 0 or more, got -1/);
  });

  test('its burst limit is fractional', () => {
    expect(addTier('gold', { throttle: { burstLimit: 1.5 } })).toThrow(/\[NegativeOrFractional\] .*tiers\['gold'\]\.throttle\.burstLimit must be a whole number of 0 or more, got 1.5/);
  });

  test('its quota has no period', () => {
    expect(addTier('gold', { quota: { limit: 1000 } as QuotaOptions })).toThrow(
      /\[QuotaPeriodMissing\] .*tiers\['gold'\]\.quota\.period is undefined; expected Period\.DAY, Period\.WEEK or Period\.MONTH: the period the limit applies to/);
  });

  test('its quota has no limit', () => {
    expect(addTier('gold', { quota: { period: apigateway.Period.DAY } as QuotaOptions })).toThrow(
      /\[QuotaLimitMissing\] .*tiers\['gold'\]\.quota\.limit is undefined; expected the number of requests allowed per period.*Add a limit, or remove the quota/);
  });

  test('its quota period is not a period', () => {
    expect(addTier('gold', { quota: { limit: 1, period: 'YEAR' as apigateway.Period } })).toThrow(
      /\[InvalidQuotaPeriod\] .*tiers\['gold'\]\.quota\.period is 'YEAR'; expected one of apigateway\.Period \("DAY", "WEEK", "MONTH"\)/);
  });

  test.each([-1, 2.5])('its quota limit is %d', (limit) => {
    expect(addTier('gold', { quota: { limit, period: apigateway.Period.DAY } })).toThrow(
      new RegExp(`\\[NegativeOrFractional\\] .*tiers\\['gold'\\]\\.quota\\.limit must be a whole number of 0 or more, got ${limit}`));
  });

  test.each([
    ['DAY', 1, /offset is 1; for Period\.DAY expected only 0, as every day starts at midnight UTC/],
    ['WEEK', 7, /offset is 7; for Period\.WEEK expected a whole number from 0 \(weeks start on Sunday\) to 6 \(on Saturday\)/],
    ['WEEK', -1, /offset is -1; for Period\.WEEK expected a whole number from 0/],
    ['MONTH', 28, /offset is 28; for Period\.MONTH expected a whole number from 0 \(months start on the 1st\) to 27 \(on the 28th\)/],
    ['MONTH', 1.5, /offset is 1\.5; for Period\.MONTH expected a whole number/],
  ])('its %s quota starts on day %d', (period, offset, message) => {
    const add = addTier('gold', { quota: { limit: 1, period: period as apigateway.Period, offset } });
    expect(add).toThrow(/\[QuotaOffsetOutOfRange\] TestStack\/Metered: tiers\['gold'\]\.quota\.offset/);
    expect(add).toThrow(message);
    expect(add).toThrow(/It is the day a period starts on, not a count of requests; remove it to start at 0/);
  });

  test('it throttles routes without a tier-wide throttle, which API Gateway refuses', () => {
    expect(addTier('gold', { routeThrottles: { 'GET /items': { rateLimit: 1 } } })).toThrow(
      /\[RouteThrottleWithoutTierThrottle\] .*tiers\['gold'\]\.routeThrottles is set but tiers\['gold'\]\.throttle is not; .*Add tiers\['gold'\]\.throttle/);
  });

  test('a route key is malformed', () => {
    expect(addTier('gold', { throttle: {}, routeThrottles: { items: { rateLimit: 1 } } })).toThrow(
      /\[InvalidRouteKey\] .*tiers\['gold'\]\.routeThrottles\['items'\] must look like 'METHOD \/path'/);
  });

  test('a route key has an unknown method', () => {
    expect(addTier('gold', { throttle: {}, routeThrottles: { 'FETCH /items': { rateLimit: 1 } } })).toThrow(
      /\[UnknownHttpMethod\] .*tiers\['gold'\]\.routeThrottles\['FETCH \/items'\] has the unknown HTTP method 'FETCH'/);
  });

  test('two route keys name one route', () => {
    expect(addTier('gold', { throttle: {}, routeThrottles: { 'GET /items': { rateLimit: 1 }, 'get  /items': { rateLimit: 2 } } })).toThrow(
      /\[DuplicateRouteThrottle\] .*tiers\['gold'\]\.routeThrottles has both 'GET \/items' and 'get {2}\/items', which name the route 'GET \/items'; keep one/);
  });

  test('a route throttle is negative', () => {
    expect(addTier('gold', { throttle: {}, routeThrottles: { 'GET /items': { rateLimit: -2 } } })).toThrow(
      /\[Negative\] .*tiers\['gold'\]\.routeThrottles\['GET \/items'\]\.rateLimit must be 0 or more, got -2/);
  });

  test('at synth, a route throttle names a route the API does not have', () => {
    const { stack, tiers } = newTiers();
    tiers.addTier('gold', { throttle: {}, routeThrottles: { 'DELETE /items/{id}': { rateLimit: 1 }, 'GET /items': { rateLimit: 1 } } });
    expect(() => (stack.node.scope as App).synth()).toThrow(
      /\[UnknownRoute\] TestStack\/Metered: tiers\['gold'\]\.routeThrottles\['DELETE \/items\/\{id\}'\] names the route 'DELETE \/items\/\{id\}', which the API does not have\. The API's routes are 'GET \/', 'GET \/items', 'POST \/items', 'GET \/items\/\{id\}', 'ANY \/\{proxy\+\}'\. Add the route, or remove its throttle/);
  });

  test('at synth, its usage plan has stages added through the L2, which the tier would drop', () => {
    const { stack, tiers } = newTiers();
    const other = new apigateway.RestApi(stack, 'Other', { cloudWatchRole: false });
    other.root.addMethod('GET', new apigateway.MockIntegration());
    tiers.addTier('gold', {}).addApiStage({ stage: other.deploymentStage });
    expect(() => (stack.node.scope as App).synth()).toThrow(
      /\[UnmanagedPlanStage\] TestStack\/Metered: the usage plan of tiers\['gold'\] has stages added with addApiStage\(\), but every tier covers exactly the stages of its API/);
  });
});
