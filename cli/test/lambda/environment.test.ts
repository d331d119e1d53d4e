import { closeRuntimes, nodeFunction, payloadOf, REGION, startRuntime } from './fixtures';

const PRINT_ENV = 'exports.handler = async () => ({ ...process.env });';

describe('sandbox environment', () => {
  const hostVariables = ['GATEWAYKIT_TEST_HOST_SECRET', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'];
  const saved = new Map(hostVariables.map((name) => [name, process.env[name]]));

  afterEach(async () => {
    await closeRuntimes();
    for (const [name, value] of saved) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  });

  async function environmentOf(overrides: Parameters<typeof nodeFunction>[2] = {}): Promise<Record<string, string>> {
    const fn = nodeFunction('env', { 'index.js': PRINT_ENV }, overrides);
    const runtime = startRuntime(fn);
    return payloadOf(await runtime.invoke(fn.arn, {})) as Record<string, string>;
  }

  test('the environment has Lambda variables', async () => {
    const env = await environmentOf({ functionName: 'orders', memorySizeMb: 256, handler: 'index.handler', runtime: 'nodejs20.x' });

    expect(env).toMatchObject({
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      AWS_LAMBDA_FUNCTION_NAME: 'orders',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/orders',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      _HANDLER: 'index.handler',
      TZ: ':UTC',
    });
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  test('LAMBDA_TASK_ROOT is the code folder', async () => {
    const fn = nodeFunction('env', { 'index.js': PRINT_ENV });
    const runtime = startRuntime(fn);

    const env = payloadOf(await runtime.invoke(fn.arn, {})) as Record<string, string>;

    expect(env.LAMBDA_TASK_ROOT).toBe(fn.codeDir);
  });

  test('the environment has the function variables', async () => {
    const env = await environmentOf({ environment: { TABLE_NAME: 'orders-table' } });

    expect(env.TABLE_NAME).toBe('orders-table');
  });

  test('a function variable cannot replace a variable Lambda reserves', async () => {
    const env = await environmentOf({ environment: { AWS_REGION: 'mars-north-1' } });

    expect(env.AWS_REGION).toBe(REGION);
  });

  test('a host variable does not leak into the environment', async () => {
    process.env.GATEWAYKIT_TEST_HOST_SECRET = 'host-only';

    const env = await environmentOf();

    expect(env).not.toHaveProperty('GATEWAYKIT_TEST_HOST_SECRET');
  });

  test("the host's AWS credential variables reach the handler", async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-example';
    process.env.AWS_SESSION_TOKEN = 'token-example';
    process.env.AWS_PROFILE = 'developer';

    const env = await environmentOf();

    expect(env).toMatchObject({
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret-example',
      AWS_SESSION_TOKEN: 'token-example',
      AWS_PROFILE: 'developer',
    });
  });

  test('unset host credential variables stay unset', async () => {
    delete process.env.AWS_SESSION_TOKEN;

    const env = await environmentOf();

    expect(env).not.toHaveProperty('AWS_SESSION_TOKEN');
  });

  test('two functions do not share environment changes', async () => {
    const writer = nodeFunction('writer', { 'index.js': 'exports.handler = async () => { process.env.SHARED = "written"; return process.env.SHARED; };' });
    const reader = nodeFunction('reader', { 'index.js': 'exports.handler = async () => process.env.SHARED ?? "unset";' });
    const runtime = startRuntime([writer, reader]);

    await runtime.invoke(writer.arn, {});
    const seenByReader = await runtime.invoke(reader.arn, {});

    expect(payloadOf(seenByReader)).toBe('unset');
  });
});
