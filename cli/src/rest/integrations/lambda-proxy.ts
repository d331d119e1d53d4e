import { IntegrationCall, withRequestIds } from './integration-call';
import { readStreamingPrelude } from './streaming-response';
import type { HandledRequest } from '../../gateway/api-request';
import { headerValue } from '../../gateway/api-request';
import { isBinaryMediaType } from '../../gateway/binary-media';
import { invokeWithIntegrationTimeout } from '../../gateway/integration-timeout';
import { invokeLambdaIntegration } from '../../gateway/lambda-integration';
import { functionForArn, substituteStageVariables } from '../../gateway/stage-variables';
import type { LambdaProxyIntegrationModel } from '../../model';
import { restProxyEvent, parseProxyResult } from '../../proxy';

/**
 * A Lambda proxy integration: the payload 1.0 event in, the proxy result out (502 when it is malformed). With
 * `ResponseTransferMode: STREAM` the function's response streams to the client as it writes it.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
export async function serveLambdaProxy(integration: LambdaProxyIntegrationModel, call: IntegrationCall): Promise<HandledRequest> {
  if (integration.responseTransferMode === 'STREAM') {
    return serveStreaming(integration, call);
  }
  const run = await invokeLambdaIntegration(call.deps, substituteStageVariables(integration.functionArn, call.context.stageVariables),
    integration.timeoutMs, () => restProxyEvent(call.context), call.log);
  switch (run.kind) {
    case 'no-function':
      return call.fail({ type: 'API_CONFIGURATION_ERROR', note: run.note });
    case 'integration-timeout':
      return call.fail({ type: 'INTEGRATION_TIMEOUT', note: run.note });
    case 'request-too-large':
      return call.fail({ type: 'LAMBDA_REQUEST_TOO_LARGE', note: run.note });
    case 'function-failed':
      return call.fail({ type: 'LAMBDA_PROXY_FAILURE', note: run.note });
  }
  const accept = headerValue(call.context.request, 'accept')?.split(',')[0];
  const result = parseProxyResult(run.payload, isBinaryMediaType(accept, call.context.binaryMediaTypes));
  if (!result.ok) {
    return call.fail({ type: 'LAMBDA_PROXY_FAILURE', note: result.reason });
  }
  const headers = result.headers;
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', 'application/json']);
  }
  return withRequestIds(call, { status: result.status, headers, body: result.body });
}

/**
 * Response streaming: the function (wrapped in `awslambda.streamifyResponse`) writes a JSON prelude
 * (`statusCode`, `headers`, `multiValueHeaders`, `cookies`), 8 zero bytes, then the body; the client gets the status
 * and headers once the prelude is complete and the body as it is written. The integration timeout runs until then.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode-lambda.html
 */
async function serveStreaming(integration: LambdaProxyIntegrationModel, call: IntegrationCall): Promise<HandledRequest> {
  const fn = functionForArn(call.deps.functions, substituteStageVariables(integration.functionArn, call.context.stageVariables));
  if (!fn?.codeDir) {
    return call.fail({ type: 'API_CONFIGURATION_ERROR', note: `no function ${integration.functionArn} with local code` });
  }
  const started = await invokeWithIntegrationTimeout(async () => {
    const outcome = await call.deps.invokeStreaming(fn.arn, restProxyEvent(call.context));
    return outcome.kind === 'stream' ? readStreamingPrelude(outcome.body) : outcome;
  }, integration.timeoutMs, fn.timeoutSeconds);
  if (started === 'INTEGRATION_TIMEOUT') {
    return call.fail({ type: 'INTEGRATION_TIMEOUT', note: `no response prelude within ${integration.timeoutMs} ms` });
  }
  switch (started.kind) {
    case 'streaming':
      return withRequestIds(call, { status: started.status, headers: started.headers, body: started.body });
    case 'malformed':
      return call.fail({ type: 'LAMBDA_PROXY_FAILURE', note: started.reason });
    case 'result':
      return call.fail({ type: 'LAMBDA_PROXY_FAILURE', note: `${fn.functionName} returned a result instead of streaming: wrap its handler in awslambda.streamifyResponse` });
    default:
      return call.fail({ type: 'LAMBDA_PROXY_FAILURE', note: `${fn.functionName}: ${started.errorMessage}` });
  }
}
