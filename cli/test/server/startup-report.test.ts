import { AppModel, UnsupportedItem } from '../../src/model';
import { startupReport } from '../../src/server/startup-report';

function reportOf(unsupported: UnsupportedItem[]): string[] {
  const model: AppModel = {
    region: 'us-east-1', accountId: '123456789012', functions: new Map(), restApis: [], httpApis: [], webSocketApis: [], dynamoDbTables: [], userPools: [], usagePlans: [], unsupported,
  };
  return startupReport('cdk.out', model, [], 0, { hasCredentials: false });
}

describe('the startup report', () => {
  test('names the routes a not-served item affects', () => {
    expect(reportOf([{ path: 'Shop/Api', type: 'AWS::ApiGateway::RestApi', reason: 'the resource policy is not enforced', routes: ['GET /', 'POST /items'] }]))
      .toContain('  Shop/Api (AWS::ApiGateway::RestApi): the resource policy is not enforced [routes: GET /, POST /items]');
  });

  test('names the first six routes of an item that affects more, and counts the others', () => {
    const routes = ['GET /a', 'GET /b', 'GET /c', 'GET /d', 'GET /e', 'GET /f', 'GET /g', 'GET /h'];
    expect(reportOf([{ path: 'Shop/Api', type: 'AWS::ApiGateway::RestApi', reason: 'private', routes }]))
      .toContain('  Shop/Api (AWS::ApiGateway::RestApi): private [routes: GET /a, GET /b, GET /c, GET /d, GET /e, GET /f and 2 more]');
  });

  test('leaves the route list out of an item that affects no route', () => {
    expect(reportOf([{ path: 'Tests', type: 'AWS::CloudFormation::Stack', reason: 'nothing to serve' }]))
      .toContain('  Tests (AWS::CloudFormation::Stack): nothing to serve');
  });
});
