"""Tests for the SSRF-safe fetcher: refusals without any network, the rest against a local server.

An autouse guard refuses every socket connection that is not to loopback and every DNS lookup of
a name, so a bug in the fetcher can never send a packet off this machine.
"""

from __future__ import annotations

import contextlib
import gzip
import shutil
import socket
import socketserver
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.conftest import need
from workbench.articles.fetch import USER_AGENT, Fetched, FetchError, fetch_url

LOOPBACK_HOSTS = {"127.0.0.1", "::1"}
PUBLIC_IP = "93.184.216.34"
ARTICLE = "<html><head><title>Ünïcode</title></head><body><p>Hello, reader.</p></body></html>"
RUSSIAN = (
    "Мы проверяем утверждения политиков и публикуем результаты каждый день. "
    "Редакция сверяет цитаты с первоисточниками и указывает, кто и когда это сказал."
)


# --- guards and helpers -----------------------------------------------------------------------


@dataclass
class Network:
    """What the code under test tried to connect to."""

    attempts: list[tuple[str, int]] = field(default_factory=list)

    def hosts(self) -> set[str]:
        return {host for host, _port in self.attempts}


@pytest.fixture(autouse=True)
def network(monkeypatch: pytest.MonkeyPatch) -> Network:
    """Allow connections to loopback only, and no DNS lookups of names at all."""
    seen = Network()
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(sock: socket.socket, address: Any) -> None:
        seen.attempts.append((address[0], address[1]))
        if address[0] not in LOOPBACK_HOSTS:
            raise ConnectionRefusedError(f"test guard: no connection to {address[0]}")
        real_connect(sock, address)

    def getaddrinfo(
        host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0, flags: int = 0
    ) -> Any:
        # Numeric hosts still work (urllib3 calls getaddrinfo on the pinned IP); names fail.
        return real_getaddrinfo(host, port, family, type, proto, flags | socket.AI_NUMERICHOST)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return seen


class FakeResolver:
    """A DNS stand-in mapping names to address lists, remembering every lookup."""

    def __init__(self, mapping: dict[str, list[str]]) -> None:
        self.mapping = mapping
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        if host not in self.mapping:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return list(self.mapping[host])


def must_not_resolve(host: str, port: int) -> list[str]:
    raise AssertionError(f"the resolver was asked for {host}, which needs no lookup")


def refused(url: str, **kwargs: Any) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch_url(url, **kwargs)
    return caught.value


# --- the local server -------------------------------------------------------------------------


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.sni: list[str | None] = []
        super().__init__(("127.0.0.1", 0), Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls getfqdn(), a reverse DNS lookup we do not want.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", self.server_address[1]

    @property
    def port(self) -> int:
        return self.server_address[1]


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        path, _sep, query = self.path.partition("?")
        # The fetcher hangs up early on purpose (too large, too slow).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.route(path, unquote(query))

    def send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        length: bool = True,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, status: int, location: str, headers: dict[str, str] | None = None) -> None:
        self.send(status, headers={"Location": location, **(headers or {})})

    def route(self, path: str, query: str) -> None:  # noqa: C901 - one branch per test page
        if path == "/article":
            self.send(200, ARTICLE.encode())
        elif path.startswith("/chain/"):
            # Mixes every redirect status, relative and absolute Locations.
            n = int(path.rsplit("/", 1)[1])
            if n == 0:
                self.send(200, ARTICLE.encode())
                return
            status = (301, 302, 303, 307, 308)[n % 5]
            host = self.headers["Host"]
            location = f"/chain/{n - 1}" if n % 2 else f"http://{host}/chain/{n - 1}"
            self.redirect(status, location)
        elif path == "/loop":
            self.redirect(302, "/loop")
        elif path == "/redirect":
            self.redirect(302, query)
        elif path == "/set-cookie":
            self.redirect(302, "/article", {"Set-Cookie": "session=secret; Path=/"})
        elif path == "/big":
            self.send(200, b"a" * 5000)
        elif path == "/big-streamed":
            self.send(200, b"a" * 5000, length=False)
        elif path == "/exact":
            self.send(200, b"a" * 1000, length=False)
        elif path == "/gzip":
            self.send(200, gzip.compress(ARTICLE.encode()), headers={"Content-Encoding": "gzip"})
        elif path == "/gzip-bomb":
            body = gzip.compress(b"<p>" + b"a" * 200_000)
            self.send(200, body, headers={"Content-Encoding": "gzip"})
        elif path == "/slow":
            time.sleep(1.0)
            self.send(200, ARTICLE.encode())
        elif path == "/trickle":
            self.send(200, b"<p>", length=False)
            for _ in range(60):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.05)
        elif path == "/pdf":
            self.send(200, b"%PDF-1.4\n", content_type="application/pdf")
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n", content_type="image/png")
        elif path == "/untyped":
            self.send(200, b"<p>what am I</p>", content_type=None)
        elif path == "/xhtml":
            self.send(200, ARTICLE.encode(), content_type="application/xhtml+xml")
        elif path == "/plain":
            self.send(200, "Plain ünïcode text.".encode(), content_type="text/plain")
        elif path == "/latin1":
            body = "<p>café crème, \u2019quoted\u2019</p>".encode("cp1252")
            self.send(200, body, content_type="text/html; charset=ISO-8859-1")
        elif path == "/meta-charset":
            html = f'<html><head><meta charset="windows-1251"></head><body>{RUSSIAN}</body></html>'
            self.send(200, html.encode("cp1251"), content_type="text/html")
        elif path == "/undeclared":
            self.send(200, f"<p>{RUSSIAN}</p>".encode("cp1251"), content_type="text/html")
        elif path == "/bad-utf8":
            self.send(200, b"<p>ok \xff</p>")
        elif path == "/error":
            self.send(500, b"<p>oops</p>")
        else:
            self.send(404, b"<p>not here</p>")


def start(server: Server) -> Iterator[Server]:
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def http_server() -> Iterator[Server]:
    yield from start(Server())


@pytest.fixture
def server(http_server: Server) -> Server:
    http_server.seen.clear()
    return http_server


@pytest.fixture
def allow_loopback(settings: Any) -> Any:
    """Let the fetcher reach the loopback test server, with small limits for fast tests."""
    settings.WORKBENCH_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.WORKBENCH_FETCH_MAX_BYTES = 1000
    settings.WORKBENCH_FETCH_MAX_REDIRECTS = 5
    settings.WORKBENCH_FETCH_TIMEOUT = 2.0
    return settings


@pytest.fixture
def news() -> FakeResolver:
    return FakeResolver({"news.test": ["127.0.0.1"]})


def fetch(server: Server, path: str, resolver: FakeResolver) -> Fetched:
    return fetch_url(f"http://news.test:{server.port}{path}", resolver=resolver)


# --- refusals that need no network -----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/",
        "https://127.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://[::1]/",
        "http://[::]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[ff02::1]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:7f00:1::]/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://0x7f000001/",
        "http://127.1/",
        "http://017700000001/",
    ],
)
def test_fetch_url_refuses_non_public_literal_address(url: str, network: Network) -> None:
    error = refused(url, resolver=must_not_resolve)
    assert error.code == "address_not_allowed"
    assert str(error).startswith("This address is not allowed: ")
    assert network.attempts == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://10.0.0.1/", "This address is not allowed: 10.0.0.1 is a private network address."),
        (
            "http://127.0.0.1:8000/",
            "This address is not allowed: 127.0.0.1 is a loopback address (this server itself).",
        ),
        ("http://169.254.169.254/", "169.254.169.254 is a link-local address"),
        ("http://0x7f.1/", "127.0.0.1 is a loopback address"),
        ("http://[::ffff:10.0.0.1]/", "10.0.0.1 is a private network address"),
        ("http://100.64.0.1/", "100.64.0.1 is not a public internet address"),
    ],
)
def test_fetch_url_refusal_names_the_address_and_why(url: str, message: str) -> None:
    assert message in str(refused(url, resolver=must_not_resolve))


@pytest.mark.parametrize(
    ("addresses", "bad"),
    [
        (["127.0.0.1"], "127.0.0.1"),
        (["169.254.169.254"], "169.254.169.254"),
        ([PUBLIC_IP, "10.0.0.1"], "10.0.0.1"),
        (["10.0.0.1", PUBLIC_IP], "10.0.0.1"),
        (["2606:2800:220:1::1", "::1"], "::1"),
        (["::ffff:192.168.0.1"], "::ffff:192.168.0.1"),
    ],
)
def test_fetch_url_refuses_hostname_resolving_to_non_public_address(
    addresses: list[str], bad: str, network: Network
) -> None:
    resolver = FakeResolver({"evil.test": addresses})
    error = refused("http://evil.test/article", resolver=resolver)
    assert error.code == "address_not_allowed"
    assert f"evil.test resolves to {bad}, which is" in str(error)
    assert network.attempts == []


@pytest.mark.parametrize(
    "url",
    [
        "ftp://news.test/article.html",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "gopher://news.test/",
        "news.test/article",
    ],
)
def test_fetch_url_refuses_other_schemes(url: str) -> None:
    error = refused(url, resolver=must_not_resolve)
    assert error.code == "scheme_not_allowed"
    assert "http://" in str(error)


@pytest.mark.parametrize(
    "url",
    [
        "http://user:pass@news.test/",
        "https://user@news.test/",
        "http://:secret@news.test/",
        "http://news.test@127.0.0.1/",
    ],
)
def test_fetch_url_refuses_credentials_in_url(url: str) -> None:
    error = refused(url, resolver=must_not_resolve)
    assert error.code == "credentials_not_allowed"


@pytest.mark.parametrize(
    "url",
    ["http://", "http:///path", "http://[not-an-ip]/", "http://news.test:99999/", "http://a b/"],
)
def test_fetch_url_refuses_malformed_url(url: str) -> None:
    assert refused(url, resolver=must_not_resolve).code == "invalid_url"


def test_fetch_url_reports_dns_failure_from_resolver() -> None:
    error = refused("https://no-such-site.test/", resolver=FakeResolver({}))
    assert error.code == "dns_failed"
    assert "no-such-site.test" in str(error)


def test_fetch_url_reports_dns_failure_when_resolver_finds_nothing() -> None:
    error = refused("https://empty.test/", resolver=FakeResolver({"empty.test": []}))
    assert error.code == "dns_failed"


def test_fetch_url_reports_dns_failure_from_system_resolver() -> None:
    # The guard makes the real getaddrinfo refuse names, so this is a DNS failure offline.
    assert refused("http://no-such-site.invalid/").code == "dns_failed"


def test_fetch_url_connects_to_the_address_it_checked(network: Network) -> None:
    resolver = FakeResolver({"news.example": [PUBLIC_IP]})
    error = refused("http://news.example/article", resolver=resolver)
    # The guard refused the (public) connection: what matters is where it went.
    assert error.code == "connection_failed"
    assert network.attempts == [(PUBLIC_IP, 80)]
    assert resolver.calls == ["news.example"]


def test_fetch_url_rejects_malformed_allowlist_setting(settings: Any) -> None:
    settings.WORKBENCH_FETCH_ALLOWED_NETWORKS = ["10.0.0.0/33"]
    with pytest.raises(ImproperlyConfigured, match="WORKBENCH_FETCH_ALLOWED_NETWORKS"):
        fetch_url("http://news.test/", resolver=must_not_resolve)


# --- against the local server -----------------------------------------------------------------


def test_fetch_url_fetches_page_from_pinned_address(
    allow_loopback: Any, server: Server, news: FakeResolver, network: Network
) -> None:
    page = fetch(server, "/article?id=7", news)
    assert page == Fetched(
        url=f"http://news.test:{server.port}/article?id=7",
        status=200,
        content_type="text/html",
        text=ARTICLE,
    )
    [(path, headers)] = server.seen
    assert path == "/article?id=7"
    assert headers["host"] == f"news.test:{server.port}"
    assert headers["user-agent"] == USER_AGENT == "FactCheckWorkbench/0.1 (+article import)"
    assert headers["accept"].startswith("text/html")
    assert network.hosts() == {"127.0.0.1"}


def test_fetch_url_resolves_each_host_once(allow_loopback: Any, server: Server) -> None:
    class Rebinding(FakeResolver):
        """Answer with the allowed address once, then with a private one (DNS rebinding)."""

        def __call__(self, host: str, port: int) -> list[str]:
            super().__call__(host, port)
            return ["127.0.0.1"] if len(self.calls) == 1 else ["10.0.0.1"]

    resolver = Rebinding({"news.test": []})
    assert fetch(server, "/article", resolver).text == ARTICLE
    assert resolver.calls == ["news.test"]


def test_fetch_url_refuses_loopback_server_without_allowlist(
    settings: Any, server: Server, news: FakeResolver, network: Network
) -> None:
    settings.WORKBENCH_FETCH_ALLOWED_NETWORKS = []
    error = refused(f"http://news.test:{server.port}/article", resolver=news)
    assert error.code == "address_not_allowed"
    assert "news.test resolves to 127.0.0.1, which is a loopback address" in str(error)
    assert network.attempts == []
    assert server.seen == []


def test_fetch_url_tries_next_checked_address_when_connection_fails(
    allow_loopback: Any, server: Server, network: Network
) -> None:
    resolver = FakeResolver({"news.test": [PUBLIC_IP, "127.0.0.1"]})
    assert fetch(server, "/article", resolver).text == ARTICLE
    assert network.attempts == [(PUBLIC_IP, server.port), ("127.0.0.1", server.port)]


def test_fetch_url_reports_refused_connection(allow_loopback: Any, news: FakeResolver) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    error = refused(f"http://news.test:{closed_port}/", resolver=news)
    assert error.code == "connection_failed"
    assert "news.test" in str(error)


def test_fetch_url_follows_redirect_chain(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    page = fetch(server, "/chain/5", news)
    assert page.url == f"http://news.test:{server.port}/chain/0"
    assert page.text == ARTICLE
    assert [path for path, _headers in server.seen] == [f"/chain/{n}" for n in range(5, -1, -1)]
    assert news.calls == ["news.test"] * 6


def test_fetch_url_refuses_more_redirects_than_allowed(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    error = refused(f"http://news.test:{server.port}/chain/6", resolver=news)
    assert error.code == "too_many_redirects"
    assert "5" in str(error)


def test_fetch_url_honours_max_redirects_setting(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    allow_loopback.WORKBENCH_FETCH_MAX_REDIRECTS = 1
    assert fetch(server, "/chain/1", news).text == ARTICLE
    assert refused(f"http://news.test:{server.port}/chain/2", resolver=news).code == (
        "too_many_redirects"
    )


def test_fetch_url_refuses_redirect_loop(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    error = refused(f"http://news.test:{server.port}/loop", resolver=news)
    assert error.code == "too_many_redirects"
    assert len(server.seen) == 6


@pytest.mark.parametrize(
    ("location", "bad"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::ffff:169.254.169.254]/", "169.254.169.254 is a link-local address"),
        ("http://metadata.test/latest/", "metadata.test resolves to 169.254.169.254"),
        ("http://10.0.0.1/admin", "10.0.0.1 is a private network address"),
    ],
)
def test_fetch_url_refuses_redirect_to_non_public_address(
    allow_loopback: Any, server: Server, network: Network, location: str, bad: str
) -> None:
    resolver = FakeResolver({"news.test": ["127.0.0.1"], "metadata.test": ["169.254.169.254"]})
    error = refused(
        f"http://news.test:{server.port}/redirect?{quote(location, safe='')}", resolver=resolver
    )
    assert error.code == "address_not_allowed"
    assert bad in str(error)
    # The first hop was allowed and served; the second was refused before any connection.
    assert [path for path, _headers in server.seen] == [f"/redirect?{quote(location, safe='')}"]
    assert network.hosts() == {"127.0.0.1"}


@pytest.mark.parametrize(
    ("location", "code"),
    [
        ("file:///etc/passwd", "scheme_not_allowed"),
        ("ftp://news.test/x", "scheme_not_allowed"),
        ("http://user:pw@news.test/article", "credentials_not_allowed"),
    ],
)
def test_fetch_url_applies_url_rules_to_redirects(
    allow_loopback: Any, server: Server, news: FakeResolver, location: str, code: str
) -> None:
    url = f"http://news.test:{server.port}/redirect?{quote(location, safe='')}"
    assert refused(url, resolver=news).code == code


def test_fetch_url_keeps_no_cookies_between_hops(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    assert fetch(server, "/set-cookie", news).text == ARTICLE
    [(_first, _), (second, headers)] = server.seen
    assert second == "/article"
    assert "cookie" not in headers


def test_fetch_url_refuses_body_over_cap_by_content_length(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    error = refused(f"http://news.test:{server.port}/big", resolver=news)
    assert error.code == "too_large"
    assert "1000 bytes" in str(error)


def test_fetch_url_refuses_body_over_cap_while_streaming(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    assert refused(f"http://news.test:{server.port}/big-streamed", resolver=news).code == (
        "too_large"
    )


def test_fetch_url_refuses_decompressed_body_over_cap(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    assert refused(f"http://news.test:{server.port}/gzip-bomb", resolver=news).code == ("too_large")


def test_fetch_url_accepts_body_at_cap(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    assert len(fetch(server, "/exact", news).text) == 1000


def test_fetch_url_decompresses_gzip_body(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    assert fetch(server, "/gzip", news).text == ARTICLE


def test_fetch_url_times_out_on_slow_response(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    allow_loopback.WORKBENCH_FETCH_TIMEOUT = 0.3
    # The server answers after 1 s: a timeout here is the fetcher's, not the server's.
    error = refused(f"http://news.test:{server.port}/slow", resolver=news)
    assert error.code == "timeout"


def test_fetch_url_times_out_on_trickled_body(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    # Each byte arrives well within the read timeout; only the total deadline stops it.
    allow_loopback.WORKBENCH_FETCH_TIMEOUT = 0.3
    allow_loopback.WORKBENCH_FETCH_MAX_BYTES = 10_000
    assert refused(f"http://news.test:{server.port}/trickle", resolver=news).code == "timeout"


@pytest.mark.parametrize(
    ("path", "shown"),
    [("/pdf", "application/pdf"), ("/image", "image/png"), ("/untyped", "unknown type")],
)
def test_fetch_url_refuses_content_that_is_not_a_page(
    allow_loopback: Any, server: Server, news: FakeResolver, path: str, shown: str
) -> None:
    error = refused(f"http://news.test:{server.port}{path}", resolver=news)
    assert error.code == "not_html"
    assert shown in str(error)


@pytest.mark.parametrize(
    ("path", "content_type", "text"),
    [
        ("/xhtml", "application/xhtml+xml", ARTICLE),
        ("/plain", "text/plain", "Plain ünïcode text."),
    ],
)
def test_fetch_url_accepts_xhtml_and_plain_text(
    allow_loopback: Any,
    server: Server,
    news: FakeResolver,
    path: str,
    content_type: str,
    text: str,
) -> None:
    page = fetch(server, path, news)
    assert (page.content_type, page.text) == (content_type, text)


@pytest.mark.parametrize(
    ("path", "status", "phrase"),
    [("/missing", 404, "Not Found"), ("/error", 500, "Internal Server Error")],
)
def test_fetch_url_reports_http_error_status(
    allow_loopback: Any, server: Server, news: FakeResolver, path: str, status: int, phrase: str
) -> None:
    error = refused(f"http://news.test:{server.port}{path}", resolver=news)
    assert (error.code, error.status) == ("http_error", status)
    assert str(error) == f"The site answered with HTTP {status} ({phrase})."


def test_fetch_url_decodes_charset_from_header(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    # Browsers read an ISO-8859-1 label as windows-1252, whose curly quotes pages rely on.
    assert fetch(server, "/latin1", news).text == "<p>café crème, \u2019quoted\u2019</p>"


def test_fetch_url_decodes_charset_from_meta(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    assert RUSSIAN in fetch(server, "/meta-charset", news).text


def test_fetch_url_detects_undeclared_charset(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    assert RUSSIAN in fetch(server, "/undeclared", news).text


def test_fetch_url_replaces_undecodable_bytes(
    allow_loopback: Any, server: Server, news: FakeResolver
) -> None:
    assert fetch(server, "/bad-utf8", news).text == "<p>ok \ufffd</p>"


# --- HTTPS: pinned to the IP, verified against the hostname -----------------------------------


@dataclass(frozen=True)
class Certificates:
    ca: Path
    cert: Path
    key: Path


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    """Make a throwaway CA and a certificate it signed for news.test."""
    openssl = shutil.which("openssl")
    need(openssl is not None, "the openssl command is not installed")
    assert openssl is not None
    root = tmp_path_factory.mktemp("tls")

    def run(arguments: str) -> None:
        # Fixed arguments to the system openssl; nothing here comes from outside.
        command = [openssl, *arguments.split()]
        subprocess.run(command, cwd=root, check=True, capture_output=True)  # noqa: S603

    ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
    run(f"req -x509 {ec} -keyout ca.key -out ca.pem -days 2 -subj /CN=Test-CA")
    run(f"req {ec} -keyout leaf.key -out leaf.csr -subj /CN=news.test")
    (root / "leaf.ext").write_text(
        "subjectAltName=DNS:news.test\nbasicConstraints=CA:FALSE\n"
        "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n"
        "authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n"
    )
    run(
        "x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out leaf.pem -days 2"
        " -extfile leaf.ext"
    )
    return Certificates(ca=root / "ca.pem", cert=root / "leaf.pem", key=root / "leaf.key")


@pytest.fixture(scope="module")
def tls_server(certificates: Certificates) -> Iterator[Server]:
    server = Server()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificates.cert, certificates.key)

    def remember_sni(_sock: ssl.SSLObject, name: str | None, _context: ssl.SSLContext) -> None:
        server.sni.append(name)

    context.sni_callback = remember_sni  # type: ignore[assignment]
    server.socket = context.wrap_socket(server.socket, server_side=True)
    yield from start(server)


@pytest.fixture
def trust_test_ca(monkeypatch: pytest.MonkeyPatch, certificates: Certificates) -> None:
    """Make the system trust store (which urllib3 loads by default) hold only the test CA."""

    def load_default_certs(context: ssl.SSLContext, purpose: Any = None) -> None:
        context.load_verify_locations(cafile=certificates.ca)

    monkeypatch.setattr(ssl.SSLContext, "load_default_certs", load_default_certs)


def test_fetch_url_https_verifies_hostname_on_pinned_address(
    allow_loopback: Any,
    tls_server: Server,
    trust_test_ca: None,
    news: FakeResolver,
    network: Network,
) -> None:
    tls_server.seen.clear()
    tls_server.sni.clear()
    page = fetch_url(f"https://news.test:{tls_server.port}/article", resolver=news)
    assert (page.url, page.text) == (f"https://news.test:{tls_server.port}/article", ARTICLE)
    assert tls_server.sni == ["news.test"]
    assert tls_server.seen[0][1]["host"] == f"news.test:{tls_server.port}"
    assert network.hosts() == {"127.0.0.1"}


def test_fetch_url_https_refuses_certificate_for_another_host(
    allow_loopback: Any, tls_server: Server, trust_test_ca: None
) -> None:
    resolver = FakeResolver({"other.test": ["127.0.0.1"]})
    error = refused(f"https://other.test:{tls_server.port}/article", resolver=resolver)
    assert error.code == "connection_failed"
    assert "secure connection to other.test" in str(error)


def test_fetch_url_https_refuses_untrusted_certificate(
    allow_loopback: Any, tls_server: Server, news: FakeResolver
) -> None:
    # Without the test CA in the trust store the same server must be refused.
    error = refused(f"https://news.test:{tls_server.port}/article", resolver=news)
    assert error.code == "connection_failed"
