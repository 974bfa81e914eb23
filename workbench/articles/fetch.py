"""Fetch a web page for "import an article from a URL" without letting the URL reach our network.

Hand-written on urllib3 because no well-kept library fits: advocate (requests) was last released
in 2020, safehttpx is async httpx only, and requests-hardened would add requests as a dependency
yet still lacks a CIDR allowlist, a body cap and a content-type check.

Every hop (the URL and each redirect) is checked the same way: http or https only, no
credentials, resolve the host once, refuse if ANY address is not public, then connect to the
address just checked (never a second lookup, which DNS rebinding would exploit) while the Host
header, TLS SNI and certificate check use the hostname.
"""

from __future__ import annotations

import codecs
import http
import ipaddress
import re
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import charset_normalizer
import urllib3
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    NewConnectionError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError

__all__ = ["FetchError", "Fetched", "fetch_url"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

USER_AGENT = "FactCheckWorkbench/0.1 (+article import)"
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
ALLOWED_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_PORTS = {"http": 80, "https": 443}

# The per-operation timeout alone lets a server that trickles one byte just inside it hold a
# worker for hours; the whole fetch, redirects included, gets this many timeouts in total.
TOTAL_TIME_FACTOR = 3
CHUNK_SIZE = 64 * 1024
# WHATWG's encoding sniffing looks at the first 1024 bytes; pages with long <head> preambles
# put <meta charset> later, and scanning a little more costs nothing.
META_SNIFF_BYTES = 4096

# Letters, digits, hyphens and underscores (some real hosts use them) in dot-separated labels;
# anything else in a hostname is either an attack on the Host header or a typo.
HOSTNAME_RE = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?:\.(?!-)[a-z0-9_-]{1,63})*\.?$")
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
# NAT64 prefixes (RFC 6052, RFC 8215): on an IPv6-only host these reach the embedded IPv4 address.
NAT64_NETWORKS = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
)
# WHATWG decodes these labels as windows-1252, and so do browsers: pages labelled latin-1
# often use curly quotes from the 0x80-0x9F range.
WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "ascii"})


class FetchError(ValueError):
    """A URL that cannot be imported; the message is a sentence to show the user."""

    def __init__(self, message: str, *, code: str, status: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    content_type: str
    text: str


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    request_target: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.port == DEFAULT_PORTS[self.scheme]:
            return host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return urlunsplit((self.scheme, self.host_header, self.request_target, "", ""))


def fetch_url(url: str, *, resolver: Resolver | None = None) -> Fetched:
    """Fetch a web page, following redirects, and refuse any hop that reaches a non-public address.

    resolver(host, port) returns IP address strings; tests inject one, production uses DNS.
    """
    timeout = float(settings.WORKBENCH_FETCH_TIMEOUT)
    max_bytes = int(settings.WORKBENCH_FETCH_MAX_BYTES)
    max_redirects = int(settings.WORKBENCH_FETCH_MAX_REDIRECTS)
    allowed = _allowed_networks(settings.WORKBENCH_FETCH_ALLOWED_NETWORKS)
    resolve = resolver or _resolve
    deadline = time.monotonic() + timeout * TOTAL_TIME_FACTOR

    current = url
    for _hop in range(max_redirects + 1):
        target = _parse(current)
        addresses = _checked_addresses(target, resolve, allowed)
        pool, response = _open(target, addresses, timeout=timeout, deadline=deadline)
        try:
            location = response.headers.get("Location")
            if response.status in REDIRECT_STATUSES and location:
                current = urljoin(target.url, location.strip())
                continue
            return _read(target, response, max_bytes=max_bytes, deadline=deadline)
        finally:
            # Closing, not releasing, the connection: each hop gets a fresh pool, so nothing
            # (connections, cookies) is shared between hosts.
            response.close()
            pool.close()
    raise FetchError(
        _("The page redirected more than %(n)s times.") % {"n": max_redirects},
        code="too_many_redirects",
    )


def _parse(url: str) -> _Target:
    """Split a URL into what to check and connect to; refuse schemes and credentials."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise FetchError(_("This is not a valid web address."), code="invalid_url") from error
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        if not scheme:
            message = _("Enter a full web address, starting with http:// or https://.")
        else:
            message = _("Only http:// and https:// addresses can be imported, not %(scheme)s:.") % {
                "scheme": scheme
            }
        raise FetchError(message, code="scheme_not_allowed")
    # Even an empty "user@" is refused: a credential-looking URL is never a public article.
    if "@" in parts.netloc:
        raise FetchError(
            _("Addresses with a user name or password in them cannot be imported."),
            code="credentials_not_allowed",
        )
    host = _normalize_host(parts.hostname or "")
    if port == 0:
        raise FetchError(_("This is not a valid web address."), code="invalid_url")
    port = port or DEFAULT_PORTS[scheme]
    request_target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        request_target += "?" + quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    return _Target(scheme=scheme, host=host, port=port, request_target=request_target)


def _normalize_host(host: str) -> str:
    """Return the host as an ASCII hostname or a canonical IP address string."""
    if not host:
        raise FetchError(_("This web address has no host name."), code="invalid_url")
    literal = _ip_literal(host)
    if literal is not None:
        return str(literal)
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError as error:
        raise FetchError(
            _("This web address has an invalid host name."), code="invalid_url"
        ) from error
    if not HOSTNAME_RE.match(ascii_host):
        raise FetchError(_("This web address has an invalid host name."), code="invalid_url")
    return ascii_host


def _ip_literal(host: str) -> IPAddress | None:
    """Return the IP address a host names literally, in any form the C resolver accepts."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    # inet_aton is what getaddrinfo applies to numeric hosts, so it is also what a connection
    # would use: 2130706433, 0x7f.1, 127.1 and 017700000001 all mean 127.0.0.1.
    if re.fullmatch(r"[0-9a-fA-FxX.]+", host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _resolve(host: str, port: int) -> list[str]:
    """Return every address the system resolver gives for host."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return [str(info[4][0]) for info in infos]


def _checked_addresses(target: _Target, resolve: Resolver, allowed: list[IPNetwork]) -> list[str]:
    """Resolve the target's host and return its addresses; refuse if any one is not public."""
    literal = _ip_literal(target.host)
    if literal is not None:
        reason = _refusal_reason(literal, allowed)
        if reason:
            raise FetchError(
                _("This address is not allowed: %(ip)s is %(reason)s.")
                % {"ip": _show(literal), "reason": reason},
                code="address_not_allowed",
            )
        return [str(literal)]

    failed = FetchError(
        _("Could not find the site %(host)s (the DNS lookup failed).") % {"host": target.host},
        code="dns_failed",
    )
    try:
        resolved = resolve(target.host, target.port)
        addresses = [ipaddress.ip_address(address) for address in resolved]
    except (OSError, UnicodeError, ValueError) as error:
        raise failed from error
    if not addresses:
        raise failed
    # One bad address is enough: round-robin DNS would otherwise let an attacker win sometimes.
    for address in addresses:
        reason = _refusal_reason(address, allowed)
        if reason:
            raise FetchError(
                _("This address is not allowed: %(host)s resolves to %(ip)s, which is %(reason)s.")
                % {"host": target.host, "ip": _show(address), "reason": reason},
                code="address_not_allowed",
            )
    return list(dict.fromkeys(str(address) for address in addresses))


def _allowed_networks(cidrs: Iterable[str]) -> list[IPNetwork]:
    """Parse WORKBENCH_FETCH_ALLOWED_NETWORKS, failing loudly on a typo."""
    try:
        return [ipaddress.ip_network(cidr.strip(), strict=False) for cidr in cidrs]
    except ValueError as error:
        raise ImproperlyConfigured(f"WORKBENCH_FETCH_ALLOWED_NETWORKS: {error}") from error


def _refusal_reason(ip: IPAddress, allowed: list[IPNetwork]) -> str | None:
    """Return why ip may not be fetched (as a phrase), or None if it may."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        # ::ffff:10.0.0.1 connects to 10.0.0.1, so it is judged (and allowlisted) as that.
        return _refusal_reason(ip.ipv4_mapped, allowed)
    if any(ip in network for network in allowed):
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        for embedded in _embedded_ipv4(ip):
            reason = _refusal_reason(embedded, [])
            if reason:
                return reason
    # Ordered from most to least specific so the message names the real category.
    checks = [
        (ip.is_loopback, _("a loopback address (this server itself)")),
        (ip.is_link_local, _("a link-local address (such as a cloud metadata service)")),
        (ip.is_unspecified, _("an unspecified address")),
        (ip.is_multicast, _("a multicast address")),
        (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local, _("a site-local address")),
        (ip.is_private, _("a private network address")),
        (ip.is_reserved, _("a reserved address")),
        # is_global also catches shared (carrier-grade NAT) space, which is neither of the above.
        (not ip.is_global, _("not a public internet address")),
    ]
    return next((reason for bad, reason in checks if bad), None)


def _show(ip: IPAddress) -> str:
    """Return an address as a person would recognise it."""
    # Python before 3.13 prints ::ffff:10.0.0.1 as ::ffff:a00:1, hiding the address that matters.
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return f"::ffff:{ip.ipv4_mapped}"
    return str(ip)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """Return IPv4 addresses that traffic to this IPv6 address may end up at."""
    embedded = [ip.sixtofour] if ip.sixtofour else []
    if ip.teredo:
        embedded.extend(ip.teredo)
    if any(ip in network for network in NAT64_NETWORKS):
        embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return embedded


def _open(
    target: _Target, addresses: list[str], *, timeout: float, deadline: float
) -> tuple[urllib3.HTTPConnectionPool, urllib3.BaseHTTPResponse]:
    """Send the GET to the first checked address that accepts a connection."""
    headers = {
        "Host": target.host_header,
        "User-Agent": USER_AGENT,
        "Accept": ACCEPT,
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    }
    last_error: Exception | None = None
    for address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        limit = min(timeout, remaining)
        pool = _pool(target, address, urllib3.Timeout(connect=limit, read=limit))
        try:
            response = pool.urlopen(
                "GET",
                target.request_target,
                headers=headers,
                retries=False,
                redirect=False,
                assert_same_host=False,
                preload_content=False,
            )
        except BaseException as error:
            pool.close()
            # Only failing to connect moves on (a host often has an IPv6 address this server
            # cannot route to); a server that accepted and then misbehaved gets no second try.
            if isinstance(error, ConnectTimeoutError):  # NewConnectionError included
                last_error = error
                continue
            if isinstance(error, HTTPError):
                raise _connection_error(target, error) from error
            raise
        return pool, response
    if last_error is None:
        raise _timeout_error(target)
    raise _connection_error(target, last_error) from last_error


def _pool(target: _Target, address: str, timeout: urllib3.Timeout) -> urllib3.HTTPConnectionPool:
    """Return a one-connection pool pinned to address that still speaks to target.host."""
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            target.port,
            timeout=timeout,
            maxsize=1,
            retries=False,
            cert_reqs="CERT_REQUIRED",
            server_hostname=target.host,
            assert_hostname=target.host,
        )
    return urllib3.HTTPConnectionPool(
        address, target.port, timeout=timeout, maxsize=1, retries=False
    )


def _timeout_error(target: _Target) -> FetchError:
    """Return the error for a site that was too slow."""
    return FetchError(
        _("The site %(host)s took too long to answer.") % {"host": target.host}, code="timeout"
    )


def _connection_error(target: _Target, error: HTTPError) -> FetchError:
    """Translate a urllib3 failure into a FetchError the user can act on."""
    # NewConnectionError subclasses ConnectTimeoutError for historical reasons: test it first.
    if isinstance(error, NewConnectionError):
        return FetchError(
            _("Could not connect to %(host)s.") % {"host": target.host}, code="connection_failed"
        )
    if isinstance(error, Urllib3TimeoutError):
        return _timeout_error(target)
    if isinstance(error, SSLError):
        return FetchError(
            _("Could not make a secure connection to %(host)s (its certificate may not be valid).")
            % {"host": target.host},
            code="connection_failed",
        )
    if isinstance(error, DecodeError):
        return FetchError(
            _("The site %(host)s sent a response that could not be decoded.")
            % {"host": target.host},
            code="connection_failed",
        )
    return FetchError(
        _("The connection to %(host)s failed.") % {"host": target.host}, code="connection_failed"
    )


def _read(
    target: _Target, response: urllib3.BaseHTTPResponse, *, max_bytes: int, deadline: float
) -> Fetched:
    """Check status, type and size of a final response and return its decoded text."""
    status = response.status
    if not 200 <= status < 300:
        try:
            phrase = f" ({http.HTTPStatus(status).phrase})"
        except ValueError:
            phrase = ""
        raise FetchError(
            _("The site answered with HTTP %(status)s%(phrase)s.")
            % {"status": status, "phrase": phrase},
            code="http_error",
            status=status,
        )
    header = response.headers.get("Content-Type", "")
    content_type = header.split(";", 1)[0].strip().lower()
    if content_type not in ALLOWED_CONTENT_TYPES:
        raise FetchError(
            _(
                "This address returns %(type)s, not a web page: "
                "only HTML and plain text can be imported."
            )
            % {"type": content_type or _("content of an unknown type")},
            code="not_html",
            status=status,
        )
    too_large = FetchError(
        _("The page is larger than the limit of %(limit)s.") % {"limit": _format_bytes(max_bytes)},
        code="too_large",
        status=status,
    )
    length = response.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise too_large

    body = bytearray()
    try:
        # read1, not stream(): stream() blocks until a whole chunk arrives, so a server sending
        # a byte at a time would never reach the deadline check. Bytes are counted after
        # decompression, so a small gzip bomb cannot blow past the cap either.
        while chunk := response.read1(CHUNK_SIZE, decode_content=True):
            body += chunk
            if len(body) > max_bytes:
                raise too_large
            if time.monotonic() > deadline:
                raise _timeout_error(target)
    except HTTPError as error:
        raise _connection_error(target, error) from error

    text = _decode(bytes(body), header, sniff_meta=content_type != "text/plain")
    return Fetched(url=target.url, status=status, content_type=content_type, text=text)


def _decode(body: bytes, content_type_header: str, *, sniff_meta: bool) -> str:
    """Decode a body: BOM, then the header's charset, then <meta>, then detection, then UTF-8."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if body.startswith(bom):
            return body[len(bom) :].decode(encoding, errors="replace")

    labels = re.findall(r"""charset\s*=\s*["']?([^"';\s]+)""", content_type_header, re.I)
    if sniff_meta:
        labels += [
            match.decode("ascii") for match in META_CHARSET_RE.findall(body[:META_SNIFF_BYTES])
        ]
    for label in labels:
        encoding = _encoding(label)
        if encoding is None:
            continue
        try:
            return body.decode(encoding, errors="replace")
        except LookupError:
            # codecs.lookup also knows bytes-to-bytes codecs (base64, zlib); skip them.
            continue

    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = charset_normalizer.from_bytes(body).best()
    if guess is not None:
        return str(guess)
    return body.decode("utf-8", errors="replace")


def _encoding(label: str) -> str | None:
    """Return Python's codec name for a charset label, or None if it is unknown."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in WINDOWS_1252_ALIASES else name


def _format_bytes(size: int) -> str:
    """Return a byte count in the unit a person would use."""
    if size >= 1024 * 1024 and size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024)} MiB"
    if size >= 1024 and size % 1024 == 0:
        return f"{size // 1024} KiB"
    return f"{size} bytes"
