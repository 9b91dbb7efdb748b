"""The visitor's real address when Balai runs behind a reverse proxy.

nginx (deploy/nginx/balai.conf) connects from 127.0.0.1, so REMOTE_ADDR is the proxy's address
for every visitor. The proxy appends the address it saw to X-Forwarded-For; an attacker can put
anything at the *left* of that header but cannot change what our own proxy appended at the right.
So the client is the right-most address that is not one of our trusted proxies (TRUSTED_PROXIES,
a list of addresses or networks). When REMOTE_ADDR itself is not a trusted proxy, the header is
ignored: a visitor talking to Balai directly cannot choose their own address.

Every rate limit, the login lock and the integrity watch read the address through client_ip().
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _trusted(proxies: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.7:51234"
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def is_trusted_proxy(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(address in network for network in _trusted(tuple(settings.TRUSTED_PROXIES)))


def from_trusted_proxy(request: HttpRequest) -> bool:
    """Whether the request came straight from one of our trusted proxies (its headers count)."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    return remote is not None and is_trusted_proxy(remote)


def client_ip(request: HttpRequest) -> str:
    """The visitor's address as text ("203.0.113.7"); "unknown" if none can be read."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return "unknown"
    if not is_trusted_proxy(remote):
        return str(remote)
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for raw in reversed(hops):
        address = _parse(raw)
        if address is None:
            # Our own proxy writes valid addresses; garbage can only come from further left,
            # so the last trusted hop is the most we know.
            break
        if not is_trusted_proxy(address):
            return str(address)
        remote = address
    return str(remote)


def client_network(request: HttpRequest) -> str:
    """The address to count a visitor by: an IPv4 address, or the /64 of an IPv6 one (one
    household or phone gets a whole /64, so counting single IPv6 addresses counts nothing)."""
    ip = client_ip(request)
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return ip
