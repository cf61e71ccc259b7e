/**
 * SSRF defence for admin-configured upstream base URLs: the host is resolved and every address it
 * resolves to must be a public one. Cloud metadata endpoints stay refused even when private
 * networks are allowed, since no LLM upstream lives there and they hand out credentials.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { addressClass } from './address-class';

const METADATA_HOSTNAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);

/** Why an address may not be an upstream, or null when it may: only public unicast, or private ones when allowed. */
export function blockedAddressReason(address: string, allowPrivateNetworks: boolean): string | null {
  const kind = addressClass(address);
  if (kind === 'metadata' || kind === 'reserved') return `${address} is a metadata, multicast or reserved address`;
  if (kind === 'private' && !allowPrivateNetworks) {
    return `${address} is a loopback, private or link-local address (set UPSTREAM_ALLOW_PRIVATE_NETWORKS=true to allow it)`;
  }
  return null;
}

/**
 * For a URL whose host is an IP literal (no lookup ever runs for it): why it may not be connected
 * to, or null. Checked at every connection too, since a row saved under older rules keeps its URL.
 */
export function blockedLiteralHostReason(hostname: string, allowPrivateNetworks: boolean): string | null {
  const host = hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? blockedAddressReason(host, allowPrivateNetworks) : null;
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
 * pointed at a private or metadata one (DNS rebinding). IP literals never reach a lookup: the
 * transport checks them with blockedLiteralHostReason.
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
