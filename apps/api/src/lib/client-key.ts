import ipaddr from "ipaddr.js";

/**
 * The address the sign-in delays (and the current-password checks, which take a sign-in try) count
 * a client by: `takeAttempt` keys every try by it. The requests a minute are counted by
 * @fastify/rate-limit, whose default key does the same. An IPv4 address is itself; an IPv6 one
 * stands for its /64 network, since one home line or server is handed a whole /64 and can answer
 * from any of its 2⁶⁴ addresses: counted one by one, each would bring a fresh budget, and the
 * customer's own address, which changes within it from day to day (privacy addresses), would
 * never be "known". An IPv4 address written as IPv6 (::ffff:…) is the IPv4 one.
 */
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === "ipv4") return address.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toNormalizedString()}/64`).toString()}/64`;
}
