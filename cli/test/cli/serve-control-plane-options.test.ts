import { serveCommand } from '../../src/cli/serve-command';

describe('gatewaykit serve control plane options', () => {
  test('a fault that is not OPERATION=AccessDenied|Throttling is refused with the expected form', async () => {
    await expect(serveCommand(['--control-plane-fault', 'UpdateStage=Boom'])).rejects.toThrow(
      /^--control-plane-fault expects OPERATION=AccessDenied\|Throttling, e\.g\. UpdateStage=AccessDenied, got 'UpdateStage=Boom'/);
  });

  test('a control plane port outside 0 to 65535 is refused', async () => {
    await expect(serveCommand(['--control-plane-port', '70000'])).rejects.toThrow(/^--control-plane-port expects a whole number from 0 to 65535, got '70000'/);
  });
});
