import * as net from 'net';
import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check } from '../../private/errors';

/** An address range: the first address as a number, the prefix length, and the address family. */
interface ParsedCidr {
  readonly version: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
}

const WIDTH = { 4: 32, 6: 128 } as const;
const PREFIX = /^(0|[1-9]\d{0,2})$/;
const EXAMPLES = "e.g. '203.0.113.0/24', '2001:db8::/32' or a single address such as '203.0.113.7'";

/**
 * Validates an IPv4 or IPv6 CIDR block, or a single address (a /32 or /128 range), skipping unresolved tokens.
 * A block with host bits set is refused: it is a mistyped address or prefix, and the message offers both readings.
 */
export function validateCidr(scope: IConstruct, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  const [address, prefix, ...rest] = value.split('/');
  const version = ipVersion(address);
  check(version !== undefined && rest.length === 0, scope, 'InvalidCidr', () =>
    `${prop} is '${value}'; expected an IPv4 or IPv6 address or CIDR block, ${EXAMPLES}`);
  const width = WIDTH[version];
  check(prefix === undefined || (PREFIX.test(prefix) && Number(prefix) <= width), scope, 'InvalidCidr', () =>
    `${prop} is '${value}'; expected a prefix length from 0 to ${width} for an IPv${version} block`);
  const parsed = parseCidr(value);
  const hostBits = addressToBigInt(version, address) !== parsed.network;
  check(!hostBits, scope, 'InvalidCidr', () =>
    `${prop} is '${value}', which has host bits set; write the network address '${formatAddress(version, parsed.network)}/${prefix}', or '${address}/${width}' for the single address`);
}

/** `value` with an explicit prefix: IAM documents only /32 as the default, which would be wrong for an IPv6 address. */
export function withExplicitPrefix(value: string): string {
  if (Token.isUnresolved(value) || value.includes('/')) {
    return value;
  }
  return `${value}/${parseCidr(value).prefix}`;
}

/**
 * True when every address of `addressOrCidr` lies in `cidr` (both already valid, same family or not).
 * A bare address stands for itself (/32 or /128).
 */
export function cidrContains(cidr: string, addressOrCidr: string): boolean {
  const outer = parseCidr(cidr);
  const inner = parseCidr(addressOrCidr);
  if (outer.version !== inner.version || inner.prefix < outer.prefix) {
    return false;
  }
  return networkOf(outer.version, inner.network, outer.prefix) === outer.network;
}

function ipVersion(address: string): 4 | 6 | undefined {
  // net.isIP accepts IPv6 zone ids ('fe80::1%eth0'), which have no meaning in a policy.
  const version = address.includes('%') ? 0 : net.isIP(address);
  return version === 0 ? undefined : version as 4 | 6;
}

function parseCidr(value: string): ParsedCidr {
  const [address, prefix] = value.split('/');
  const version = ipVersion(address);
  if (version === undefined) {
    throw new Error(`'${value}' is not an IP address or CIDR block`);
  }
  const length = prefix === undefined ? WIDTH[version] : Number(prefix);
  return { version, network: networkOf(version, addressToBigInt(version, address), length), prefix: length };
}

/** The first address of the block of `prefix` bits that holds `address` (the host bits cleared). */
function networkOf(version: 4 | 6, address: bigint, prefix: number): bigint {
  const blockSize = 2n ** BigInt(WIDTH[version] - prefix);
  return address / blockSize * blockSize;
}

function addressToBigInt(version: 4 | 6, address: string): bigint {
  return version === 4 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((acc, octet) => acc * 256n + BigInt(octet), 0n);
}

function ipv6ToBigInt(address: string): bigint {
  let text = address;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    // An embedded IPv4 address ('::ffff:192.0.2.1') fills the last two groups.
    const v4 = ipv4ToBigInt(tail);
    text = `${text.slice(0, lastColon + 1)}${(v4 / 65536n).toString(16)}:${(v4 % 65536n).toString(16)}`;
  }
  const [head, compressed] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = compressed ? compressed.split(':') : [];
  const zeros = compressed === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].reduce((acc, group) => acc * 65536n + BigInt(parseInt(group, 16)), 0n);
}

function formatAddress(version: 4 | 6, value: bigint): string {
  if (version === 4) {
    return digits(value, 256n, 4).map(String).join('.');
  }
  const groups = digits(value, 65536n, 8).map((group) => group.toString(16));
  // RFC 5952: compress the first longest run of two or more zero groups.
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === '0') {
      length++;
    }
    if (length > best.length) {
      best = { start, length };
    }
  }
  if (best.start === -1) {
    return groups.join(':');
  }
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

/** `value` written in `count` digits of base `base`, most significant first. */
function digits(value: bigint, base: bigint, count: number): bigint[] {
  return Array.from({ length: count }, (_, index) => value / base ** BigInt(count - 1 - index) % base);
}
