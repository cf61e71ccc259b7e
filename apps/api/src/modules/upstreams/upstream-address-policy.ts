/**
 * SSRF defence for admin-configured upstream base URLs: the host is resolved and every address it
 * resolves to must be a public one. Cloud metadata endpoints stay refused even when private
 * networks are allowed, since no LLM upstream lives there and they hand out credentials.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const ALWAYS_BLOCKED = new BlockList();
// Cloud metadata services (AWS, GCP, Azure, ECS task metadata, Alibaba, AWS over IPv6).
ALWAYS_BLOCKED.addAddress('169.254.169.254', 'ipv4');
ALWAYS_BLOCKED.addAddress('169.254.170.2', 'ipv4');
ALWAYS_BLOCKED.addAddress('100.100.100.200', 'ipv4');
ALWAYS_BLOCKED.addAddress('fd00:ec2::254', 'ipv6');
// "This host", multicast and reserved space: never a server.
ALWAYS_BLOCKED.addSubnet('0.0.0.0', 8, 'ipv4');
ALWAYS_BLOCKED.addSubnet('224.0.0.0', 4, 'ipv4');
ALWAYS_BLOCKED.addSubnet('240.0.0.0', 4, 'ipv4');
ALWAYS_BLOCKED.addAddress('::', 'ipv6');
ALWAYS_BLOCKED.addSubnet('ff00::', 8, 'ipv6');

const PRIVATE = new BlockList();
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4'); // carrier-grade NAT
PRIVATE.addSubnet('192.0.0.0', 24, 'ipv4');
PRIVATE.addSubnet('198.18.0.0', 15, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fe80::', 10, 'ipv6'); // link-local
PRIVATE.addSubnet('fec0::', 10, 'ipv6'); // old site-local
PRIVATE.addSubnet('fc00::', 7, 'ipv6'); // unique local
// Prefixes that embed an IPv4 address (NAT64, 6to4, Teredo) could smuggle a private one through.
PRIVATE.addSubnet('64:ff9b::', 96, 'ipv6');
PRIVATE.addSubnet('64:ff9b:1::', 48, 'ipv6');
PRIVATE.addSubnet('2002::', 16, 'ipv6');
PRIVATE.addSubnet('2001::', 32, 'ipv6');

const METADATA_HOSTNAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);

/** Why an address may not be an upstream, or null when it may. IPv4-mapped IPv6 is checked as IPv4. */
export function blockedAddressReason(address: string, allowPrivateNetworks: boolean): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (ALWAYS_BLOCKED.check(address, family)) return `${address} is a metadata, multicast or reserved address`;
  if (!allowPrivateNetworks && PRIVATE.check(address, family)) {
    return `${address} is a loopback, private or link-local address (set UPSTREAM_ALLOW_PRIVATE_NETWORKS=true to allow it)`;
  }
  return null;
}

export type HostResolver = (hostname: string) => Promise<string[]>;

export interface UpstreamUrlPolicy {
  allowPrivateNetworks: boolean;
  resolve: HostResolver;
}

/** A base URL refused by the policy; the message is safe to show the admin. */
export class UnsafeUpstreamUrlError extends Error {}

/**
 * Checks a base URL and returns it normalised (no trailing slash). Plain http is only accepted
 * together with private networks (a local model server): over the internet it would leak the key.
 */
export async function checkUpstreamBaseUrl(raw: string, policy: UpstreamUrlPolicy): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUpstreamUrlError('baseUrl must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowPrivateNetworks)) {
    throw new UnsafeUpstreamUrlError('baseUrl must use https');
  }
  if (url.username || url.password) throw new UnsafeUpstreamUrlError('baseUrl must not carry credentials; use apiKey');
  if (url.search || url.hash) throw new UnsafeUpstreamUrlError('baseUrl must not have a query string or fragment');

  const hostname = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (METADATA_HOSTNAMES.has(hostname)) throw new UnsafeUpstreamUrlError(`${hostname} is a cloud metadata host`);
  let addresses: string[];
  if (isIP(hostname)) {
    addresses = [hostname];
  } else {
    try {
      addresses = await policy.resolve(hostname);
    } catch {
      throw new UnsafeUpstreamUrlError(`The host ${hostname} does not resolve`);
    }
    if (addresses.length === 0) throw new UnsafeUpstreamUrlError(`The host ${hostname} does not resolve`);
  }
  for (const address of addresses) {
    const reason = blockedAddressReason(address, policy.allowPrivateNetworks);
    if (reason) throw new UnsafeUpstreamUrlError(`baseUrl host ${hostname} resolves to ${reason}`);
  }
  return url.toString().replace(/\/+$/, '');
}

export type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type Lookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * A `lookup` for net/tls connections to admin-entered hosts: the addresses are checked again at
 * every connect, so a host that resolved to a public address when it was saved cannot later be
 * pointed at a private or metadata one (DNS rebinding). IP literals never reach a lookup; they
 * were checked when saved and cannot change.
 */
export function guardedLookup(allowPrivateNetworks: boolean, resolve: Lookup = dnsLookup as Lookup): Lookup {
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
      for (const candidate of addresses) {
        const reason = blockedAddressReason(candidate, allowPrivateNetworks);
        if (reason) {
          const refused: NodeJS.ErrnoException = new Error(`Refused to connect: ${hostname} now resolves to ${reason}`);
          refused.code = 'EUPSTREAMADDRESS';
          return callback(refused, address, family);
        }
      }
      callback(null, address, family);
    });
  };
}
