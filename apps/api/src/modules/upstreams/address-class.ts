/**
 * What kind of address an upstream host resolves to, by ipaddr.js's registry of special ranges:
 * anything it does not call `unicast` is not a public server. Node's BlockList, used before,
 * knew only the ranges listed by hand and missed IPv4-compatible IPv6 (::7f00:1) and the
 * documentation ranges (2001:db8::/32, 192.0.2.0/24, ...).
 */
import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

export type AddressClass = 'public' | 'private' | 'metadata' | 'reserved';

// Cloud metadata services (AWS, GCP, Azure, ECS task metadata, Alibaba, AWS over IPv6): they hand out credentials.
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

// Ranges an operator may mean when running a model server on their own network.
const PRIVATE_RANGES = new Set([
  'loopback',
  'private',
  'linkLocal',
  'carrierGradeNat',
  'uniqueLocal',
  'deprecatedSiteLocal',
  // Prefixes that embed an IPv4 address (NAT64, SIIT, 6to4, Teredo): their IPv4 side may be private.
  'rfc6052',
  'rfc6145',
  '6to4',
  'teredo',
]);
// Special-purpose IPv4 blocks that were treated as private networks before ipaddr.js (which calls them reserved).
const PRIVATE_EXTRA = [ipaddr.parseCIDR('192.0.0.0/24'), ipaddr.parseCIDR('198.18.0.0/15')];
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * An IPv6 address in the canonical form a URL or a resolver gives, so that ipaddr.js never sees
 * `::127.0.0.1` (which it misreads as the IPv4-mapped ::ffff:127.0.0.1). The zone id is dropped.
 */
function canonicalIpv6(address: string): string {
  return new URL(`http://[${address.split('%')[0]}]/`).hostname.slice(1, -1);
}

/** The IPv4 address inside NAT64, SIIT, IPv4-compatible and 6to4 forms, if any. */
function embeddedIpv4(address: ipaddr.IPv6, range: string): string | null {
  const bytes = address.toByteArray();
  if (range === '6to4') return bytes.slice(2, 6).join('.');
  if (range === 'rfc6052' || range === 'rfc6145' || range === 'ipv4Compatible') return bytes.slice(12, 16).join('.');
  return null;
}

/** Classifies an IP address; anything that is not one is `reserved`. IPv4-mapped IPv6 is classified as its IPv4 address. */
export function addressClass(address: string): AddressClass {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    const family = isIP(address.split('%')[0]);
    if (family === 0) return 'reserved';
    parsed = ipaddr.parse(family === 6 ? canonicalIpv6(address) : address);
  } catch {
    return 'reserved';
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (METADATA.has(parsed.toString())) return 'metadata';
  let range = parsed.range();
  if (parsed.kind() === 'ipv6') {
    const ipv6 = parsed as ipaddr.IPv6;
    // Deprecated IPv4-compatible IPv6 (::a.b.c.d): nothing routes it, and it hides an IPv4 address.
    if (range === 'unicast' && ipv6.match(IPV4_COMPATIBLE)) return 'reserved';
    const inner = embeddedIpv4(ipv6, range);
    if (inner && METADATA.has(inner)) return 'metadata';
  } else if (range === 'reserved' && PRIVATE_EXTRA.some((cidr) => (parsed as ipaddr.IPv4).match(cidr as [ipaddr.IPv4, number]))) {
    range = 'private';
  }
  if (range === 'unicast') return 'public';
  return PRIVATE_RANGES.has(range) ? 'private' : 'reserved';
}
