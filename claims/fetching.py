"""Fetching pages from the web without letting a URL reach inside the newsroom's network.

A link an editor pastes may point anywhere: at the database, at a cloud metadata service, at a
router. Every fetch therefore:
- accepts only http and https;
- resolves the host once and refuses loopback, private, link-local (169.254.0.0/16, cloud
  metadata included), multicast, reserved and unspecified addresses, IPv6 ones and IPv4 mapped
  into IPv6 alike, unless settings.FETCH_ALLOWED_NETWORKS names the network (tests do; the
  default allows none);
- connects to the very address it checked (no second DNS look-up that could answer
  differently), while TLS still verifies the certificate for the host name;
- checks again after every redirect, and follows at most FETCH_MAX_REDIRECTS;
- stops at FETCH_MAX_BYTES, after FETCH_TIMEOUT seconds in all, and on a content type that is
  not a web page.
"""
import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

from .decoding import UnknownEncoding, decode_document

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
USER_AGENT = "FactcheckWorkbench/1.0 (+newsroom fact-checking)"


class FetchError(Exception):
    """The page could not be fetched; the message says why, for the editor."""


@dataclass
class Fetched:
    url: str
    content_type: str
    charset: str | None
    body: bytes
    _text: str | None = field(default=None, repr=False, compare=False)

    def text(self) -> str:
        """The page as text, decoded by the HTML standard's rules (see decoding.py)."""
        if self._text is None:
            try:
                self._text = decode_document(self.body, declared_charset=self.charset, markup=self.content_type != "text/plain")
            except UnknownEncoding as exc:
                raise FetchError(f"The page could not be read as text. {exc}") from exc
        return self._text


def _allowed_networks():
    return [ipaddress.ip_network(net, strict=False) for net in getattr(settings, "FETCH_ALLOWED_NETWORKS", [])]


def check_address(address: str) -> None:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in _allowed_networks()):
        return
    if not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified:
        raise FetchError(f"Refused: {address} is not a public internet address.")


def _resolve(host: str, port: int) -> str:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"The host {host!r} could not be found.") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(f"The host {host!r} could not be found.")
    for address in addresses:  # every answer must be public: any could be the one used
        check_address(address)
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, address, port, host, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, address, port, host, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(url: str, *, accept: tuple[str, ...] = PAGE_TYPES) -> Fetched:
    timeout = settings.FETCH_TIMEOUT
    deadline = time.monotonic() + timeout
    for _hop in range(settings.FETCH_MAX_REDIRECTS + 1):
        try:
            parts = urlsplit(url)
            target = _request_target(parts)
        except ValueError as exc:  # "http://[", a lone surrogate: not a web address at all
            raise FetchError("The link is not a valid web address.") from exc
        if parts.scheme not in ("http", "https"):
            raise FetchError("Only http:// and https:// links can be imported.")
        if not parts.hostname:
            raise FetchError("The link has no host name.")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise FetchError("The link has an invalid port.") from exc
        address = _resolve(parts.hostname, port)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"The page took longer than {timeout:g} seconds.")
        connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(address, port, parts.hostname, remaining)
        try:
            connection.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(accept)})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(f"The page redirected ({response.status}) without saying where.")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(f"The page answered {response.status} {response.reason}.")
            content_type, charset = _content_type(response.getheader("Content-Type", ""))
            if content_type not in accept:
                kind = "a feed" if accept is FEED_TYPES else "a web page"
                raise FetchError(f"Not {kind}: the server sent {content_type or 'no content type'}.")
            body = _read_limited(response, deadline, timeout)
            return Fetched(url=url, content_type=content_type, charset=charset, body=body)
        except (TimeoutError, socket.timeout) as exc:
            raise FetchError(f"The page took longer than {timeout:g} seconds.") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"The page could not be fetched: {exc.__class__.__name__}.") from exc
        finally:
            connection.close()
    raise FetchError(f"The page redirected more than {settings.FETCH_MAX_REDIRECTS} times.")


def _request_target(parts) -> str:
    """The path and query as sent on the wire. Links in feeds and pages are often IRIs (an accented
    or non-Latin path): their characters are percent-encoded as UTF-8, the way browsers send them;
    what is encoded already stays as it is."""
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=~?")
    return path + (f"?{query}" if query else "")


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip('"').lower()
    try:
        "".encode(charset) if charset else None
    except LookupError:
        charset = None
    return kind.strip().lower(), charset


def _read_limited(response, deadline: float, timeout: float) -> bytes:
    limit = settings.FETCH_MAX_BYTES
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"The page took longer than {timeout:g} seconds.")
        chunk = response.read(64 * 1024)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise FetchError(f"The page is larger than {limit // (1024 * 1024)} MB.")
        chunks.append(chunk)

