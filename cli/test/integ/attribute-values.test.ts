import { firstPlaceholder, MissingAttributeError, withAttributeValues } from '../../src/integ/attribute-values';

const data = new Map([['AwsApiCallSignIn', { 'apiCallResponse.AuthenticationResult.IdToken': 'id-token', 'apiCallResponse.ExpiresIn': 3600 }]]);

describe('attributes of earlier assertions', () => {
  test('a value that is one placeholder becomes the attribute value itself', () => {
    expect(withAttributeValues({ ttl: '{{AwsApiCallSignIn.apiCallResponse.ExpiresIn}}' }, data)).toEqual({ ttl: 3600 });
  });

  test('a placeholder inside a longer string becomes the attribute as text', () => {
    const headers = { Authorization: 'Bearer {{AwsApiCallSignIn.apiCallResponse.AuthenticationResult.IdToken}}' };

    expect(withAttributeValues([headers], data)).toEqual([{ Authorization: 'Bearer id-token' }]);
  });

  test('a placeholder of a resource that is no earlier assertion is left for firstPlaceholder to find', () => {
    const value = withAttributeValues({ url: 'https://{{Domain.RegionalDomainName}}/items' }, data);

    expect(firstPlaceholder(value)).toBe('{{Domain.RegionalDomainName}}');
  });

  test('an attribute the earlier assertion did not return is an error naming what it returned', () => {
    expect(() => withAttributeValues('{{AwsApiCallSignIn.apiCallResponse.Session}}', data)).toThrow(new MissingAttributeError(
      'reads the attribute apiCallResponse.Session of AwsApiCallSignIn, which returned only apiCallResponse.AuthenticationResult.IdToken, apiCallResponse.ExpiresIn',
    ));
  });
});
