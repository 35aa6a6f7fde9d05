"""Which requests the endpoint answers at all: the Host and Origin checks.

- Host: only the names the server listens for (localhost and its subdomains, the loopback
  addresses, what `--host` names, and the machine's own names when it listens on every
  interface), or an IP address. A web page on another site can make the browser send its
  requests here by pointing its own name at 127.0.0.1 (DNS rebinding); the browser then
  sends that name as Host, and the request is refused. An IP address as Host cannot be
  rebound, so it is always accepted.
- Origin: a request a browser sends from a page of another origin (a fetch, or a form
  POSTed by a page the user visits) is refused unless `--cors` allows that origin. A page
  of the endpoint itself (same scheme, host and port) is always allowed. Browsers that
  send Fetch Metadata also mark requests without Origin (an image, a script): those from
  another site are refused too, except a top-level navigation.
"""

from __future__ import annotations

import ipaddress
import socket

from starlette.responses import PlainTextResponse

_WILDCARDS = {"", "0.0.0.0", "::", "[::]"}


def allowed_hosts(host: str) -> frozenset[str]:
    """The Host names (without port) to accept for a server listening on `host`."""
    names = {"localhost", "127.0.0.1", "::1"}
    bare = host.strip("[]").lower()
    if host in _WILDCARDS:
        for name in (socket.gethostname(), socket.getfqdn()):
            if name:
                names.add(name.lower())
    elif bare:
        names.add(bare)
    return frozenset(names)


def host_name(header: str) -> str | None:
    """The host of a Host header, lower-cased, without its port and brackets."""
    header = header.strip().lower()
    if not header:
        return None
    if header.startswith("["):  # an IPv6 address, with or without a port
        end = header.find("]")
        rest = header[end + 1 :] if end >= 0 else ""
        if end < 0 or (rest and not (rest[0] == ":" and rest[1:].isdigit())):
            return None
        return header[1:end]
    name, _, port = header.partition(":")
    if port and not port.isdigit():
        return None
    return name.rstrip(".")


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class Guard:
    """ASGI middleware refusing requests for other Host names and from other origins."""

    def __init__(self, app, hosts: frozenset[str], cors: tuple[str, ...]):
        self.app = app
        self.hosts = hosts
        self.cors_all = "*" in cors
        self.cors = frozenset(origin.rstrip("/").lower() for origin in cors)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        problem = self.problem(headers)
        if problem is not None:
            return await PlainTextResponse(problem + "\n", status_code=403)(scope, receive, send)
        await self.app(scope, receive, send)

    def problem(self, headers: dict[str, str]) -> str | None:
        host_header = headers.get("host", "")
        name = host_name(host_header)
        if name is None:
            return "a request needs a valid Host header"
        if not (name in self.hosts or name.endswith(".localhost") or _is_ip(name)):
            listed = ", ".join(sorted(self.hosts))
            return (
                f"kg serve answers requests for {listed} (and IP addresses), not for "
                f"{name!r}: a guard against DNS rebinding; --host NAME serves another name"
            )
        origin = headers.get("origin")
        if origin is not None:
            if self.cors_all or origin.rstrip("/").lower() in self.cors:
                return None
            if origin.lower() == f"http://{host_header.strip().lower()}":
                return None  # the endpoint's own pages
            return (
                f"requests from pages of other origins ({origin}) are refused; start kg serve "
                f"with --cors {origin} (or --cors for any origin) to allow them"
            )
        site = headers.get("sec-fetch-site", "")
        if site in ("cross-site", "same-site") and not self.cors_all:
            if headers.get("sec-fetch-mode", "") != "navigate":
                return "requests embedded in pages of other sites are refused (see --cors)"
        return None
