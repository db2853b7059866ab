"""Fetching links safely: public addresses only, checked again after every redirect, with limits."""
import socket

import pytest

from claims.fetching import FetchError, check_address, fetch

from .pages import LocalPages


def test_a_page_is_fetched(pages):
    page = fetch(pages.url("/article"))
    assert page.content_type == "text/html" and b"4,200 members" in page.body


def test_redirects_are_followed(pages):
    assert fetch(pages.url("/to-article")).url.endswith("/article")


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0", "224.0.0.1",
     "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "240.0.0.1"],
)
def test_private_and_special_addresses_are_refused(address, settings):
    settings.FETCH_ALLOWED_NETWORKS = []
    with pytest.raises(FetchError, match="not a public internet address"):
        check_address(address)


def test_public_addresses_are_allowed():
    check_address("93.184.216.34")
    check_address("2606:2800:220:1:248:1893:25c8:1946")


def test_loopback_is_refused_by_default(settings):
    settings.FETCH_ALLOWED_NETWORKS = []
    with LocalPages() as local, pytest.raises(FetchError, match="not a public internet address"):
        fetch(local.url("/article"))


def test_a_redirect_into_the_private_network_is_refused(pages):
    with pytest.raises(FetchError, match="10.20.30.40 is not a public"):
        fetch(pages.url("/to-private"))


def test_a_redirect_to_cloud_metadata_is_refused(pages):
    with pytest.raises(FetchError, match="169.254.169.254 is not a public"):
        fetch(pages.url("/to-metadata"))


def test_the_checked_address_is_the_one_connected_to(pages, monkeypatch):
    """A host name that resolves to the allowed test server: the request goes to that address,
    with the original host name in the Host header, and DNS is asked once per hop."""
    asked = []
    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        asked.append(host)
        return real("127.0.0.1", *args, **kwargs) if host == "news.example" else real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    fetch(pages.url("/article", host="news.example"))
    # The connection is made to the numeric address already checked; the name is looked up once.
    assert [host for host in asked if host != "127.0.0.1"] == ["news.example"]
    assert pages.server.seen_hosts[-1].startswith("news.example")


@pytest.mark.parametrize("url", ["ftp://files.example/a", "javascript:alert(1)", "file:///etc/passwd", "http:///nohost"])
def test_only_http_links_with_a_host_are_fetched(url):
    with pytest.raises(FetchError):
        fetch(url)


def test_redirect_loops_stop(pages):
    with pytest.raises(FetchError, match="redirected more than"):
        fetch(pages.url("/loop"))


def test_missing_pages_say_so(pages):
    with pytest.raises(FetchError, match="404"):
        fetch(pages.url("/nowhere"))


def test_oversized_pages_are_cut_off(pages, settings):
    settings.FETCH_MAX_BYTES = 10_000
    with pytest.raises(FetchError, match="larger than"):
        fetch(pages.url("/big"))


def test_slow_pages_time_out(pages, settings):
    settings.FETCH_TIMEOUT = 0.3
    with pytest.raises(FetchError, match="longer than"):
        fetch(pages.url("/slow"))


def test_pages_that_are_not_web_pages_are_refused(pages):
    with pytest.raises(FetchError, match="Not a web page: the server sent image/png"):
        fetch(pages.url("/image"))


def test_unknown_hosts_say_so(settings):
    with pytest.raises(FetchError, match="could not be found"):
        fetch("http://no-such-host.invalid/")


def test_a_page_declaring_its_charset_only_in_a_meta_tag_is_read_in_that_charset(pages):
    text = fetch(pages.url("/latin1-meta")).text()
    assert "<title>Grève au port : deuxième journée</title>" in text and "L’opérateur" in text and "\ufffd" not in text


def test_a_link_with_accents_in_its_path_is_sent_percent_encoded(pages):
    assert b"4,200 members" in fetch(pages.url("/nouvelles/grève")).body
    assert pages.server.seen_paths[-1] == "/nouvelles/gr%C3%A8ve"


@pytest.mark.parametrize("url", ["http://[", "http://news.example/\ud800", "http://[::1"])
def test_a_link_that_is_not_a_web_address_fails_with_a_reason(url):
    with pytest.raises(FetchError, match="not a valid web address"):
        fetch(url)
