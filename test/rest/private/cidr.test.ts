import { App, Lazy, Stack } from 'aws-cdk-lib';
import { cidrContains, validateCidr, withExplicitPrefix } from '../../../src/rest/private/cidr';

const validate = (value: string) => () => validateCidr(new Stack(new App(), 'TestStack'), 'allowedSourceIps[0]', value);

describe('validateCidr', () => {
  test.each([
    '203.0.113.0/24',
    '0.0.0.0/0',
    '203.0.113.7',
    '203.0.113.7/32',
    '2001:db8::/32',
    '2001:DB8:1234:5678::/64',
    '2001:db8::1',
    '::/0',
    '::ffff:192.0.2.0/120',
  ])('%s is accepted', (value) => {
    expect(validate(value)).not.toThrow();
  });

  test('an unresolved token is not checked', () => {
    expect(validate(Lazy.string({ produce: () => 'not-an-ip' }))).not.toThrow();
  });

  test.each([
    ['not an address', 'not-an-ip'],
    ['an incomplete address', '10.0.0/8'],
    ['an octet over 255', '10.0.0.256/32'],
    ['an octet with a leading zero', '010.0.0.0/8'],
    ['surrounded by spaces', ' 10.0.0.0/8'],
    ['with two prefixes', '10.0.0.0/8/8'],
    ['an IPv6 address with a zone id', 'fe80::1%eth0'],
    ['a hostname', 'example.com/24'],
  ])('a value that is %s is rejected with an example of the expected form', (_, value) => {
    expect(validate(value)).toThrow(`[InvalidCidr] TestStack: allowedSourceIps[0] is '${value}'; expected an IPv4 or IPv6 address or CIDR block, e.g. '203.0.113.0/24'`);
  });

  test.each([
    ['10.0.0.0/33', 32, 4],
    ['10.0.0.0/-1', 32, 4],
    ['10.0.0.0/', 32, 4],
    ['10.0.0.0/08', 32, 4],
    ['10.0.0.0/x', 32, 4],
    ['2001:db8::/129', 128, 6],
  ])('the prefix of %s is rejected', (value, width, version) => {
    expect(validate(value)).toThrow(`allowedSourceIps[0] is '${value}'; expected a prefix length from 0 to ${width} for an IPv${version} block`);
  });

  test('an IPv4 block with host bits set suggests its network address', () => {
    expect(validate('10.0.0.5/8')).toThrow(
      "allowedSourceIps[0] is '10.0.0.5/8', which has host bits set; write the network address '10.0.0.0/8', or '10.0.0.5/32' for the single address");
  });

  test('an IPv6 block with host bits set suggests its compressed network address', () => {
    expect(validate('2001:db8:0:0:1::/32')).toThrow("write the network address '2001:db8::/32', or '2001:db8:0:0:1::/128' for the single address");
  });

  test('an IPv6 network address without zero groups is suggested in full', () => {
    expect(validate('1:2:3:4:5:6:7:9/127')).toThrow("write the network address '1:2:3:4:5:6:7:8/127'");
  });
});

describe('withExplicitPrefix', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7/32'],
    ['2001:db8::1', '2001:db8::1/128'],
    ['203.0.113.0/24', '203.0.113.0/24'],
  ])('%s is written as %s', (value, expected) => {
    expect(withExplicitPrefix(value)).toBe(expected);
  });
});

describe('cidrContains', () => {
  test.each([
    ['203.0.113.0/24', '203.0.113.7', true],
    ['203.0.113.0/24', '203.0.114.7', false],
    ['203.0.113.0/24', '203.0.113.128/25', true],
    ['203.0.113.128/25', '203.0.113.0/24', false],
    ['0.0.0.0/0', '198.51.100.1', true],
    ['203.0.113.7', '203.0.113.7', true],
    ['203.0.113.7', '203.0.113.8', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['2001:db8::/32', '2001:db8:bad::/48', true],
    ['::ffff:192.0.2.0/120', '::ffff:192.0.2.77', true],
    ['::/0', '203.0.113.7', false],
    ['0.0.0.0/0', '2001:db8::1', false],
  ])('%s contains %s: %s', (cidr, inner, expected) => {
    expect(cidrContains(cidr, inner)).toBe(expected);
  });

  test('a value that is not an address is refused', () => {
    expect(() => cidrContains('203.0.113.0/24', 'localhost')).toThrow("'localhost' is not an IP address or CIDR block");
  });
});
