import { parseSecretReference, secretStringOf } from '../../src/ops/secret-reference';

const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:CustomerSecret-AbC123';

describe('Secrets Manager dynamic references of API key values', () => {
  test('the whole secret string of a secret named by ARN', () => {
    expect(parseSecretReference(`{{resolve:secretsmanager:${ARN}:SecretString:::}}`)).toEqual({ secretId: ARN, jsonField: undefined });
  });

  test('one JSON field of a secret named by name', () => {
    expect(parseSecretReference('{{resolve:secretsmanager:customer-keys:SecretString:acme::}}')).toEqual({ secretId: 'customer-keys', jsonField: 'acme' });
  });

  test('a plain value or another dynamic reference is no secret reference', () => {
    expect([parseSecretReference('abcdefghijklmnopqrstuvwxyz'), parseSecretReference('{{resolve:ssm:/key}}'), parseSecretReference(42)]).toEqual([undefined, undefined, undefined]);
  });

  test('a value is written as the whole secret string, or as its JSON field', () => {
    expect([secretStringOf('value1', undefined), secretStringOf('value2', 'acme')]).toEqual(['value1', '{"acme":"value2"}']);
  });
});
