"""Where readers reach the public fact-checks: the one place every public address is built from.

ClaimReview `url`, the exports' fact_check_url column, the RSS and JSON feeds' links and the
newsroom's own address all start from `site_url`:

- PUBLIC_SITE_URL when it is set (a newsroom behind a proxy or on its own domain sets it);
- else the address the request came in on (scheme, host and port as Django reads them, the host
  checked against ALLOWED_HOSTS), so `make run PORT=8040` links to port 8040;
- else, with no request (`manage.py export_verdicts`), WITHOUT_A_REQUEST: the address `make run`
  serves by default. Set PUBLIC_SITE_URL for exports made from the command line.
"""
from functools import lru_cache
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse

WITHOUT_A_REQUEST = "http://127.0.0.1:8000/"


def site_url(request=None) -> str:
    """The public site's address, ending in a slash."""
    if settings.PUBLIC_SITE_URL:
        site = settings.PUBLIC_SITE_URL
    elif request is not None:
        site = request.build_absolute_uri("/")
    else:
        site = WITHOUT_A_REQUEST
    return site if site.endswith("/") else site + "/"


def newsroom_url(site: str) -> str:
    """The newsroom that signs published fact-checks: NEWSROOM_URL, else the public site."""
    return settings.NEWSROOM_URL or site


def public_url(site: str, path: str) -> str:
    """A path of this project on the site. The path comes from reverse(), so it already holds any
    script prefix; the site gives scheme, host and port."""
    return urljoin(site, path)


def fact_check_urls(site: str):
    """A function from a verdict's id to its public page on the site, for many verdicts at once."""
    prefix, suffix = fact_check_url_parts(site)
    return lambda verdict_id: f"{prefix}{verdict_id}{suffix}"


def fact_check_url_parts(site: str) -> tuple[str, str]:
    """What comes before and after a verdict's id in its public address, for a query that builds
    the addresses itself (the CSV export on PostgreSQL)."""
    return _fact_check_path(site)


def fact_check_url(verdict_id: int, site: str) -> str:
    """The public page of a published verdict, as readers and search engines reach it."""
    return fact_check_urls(site)(verdict_id)


@lru_cache(maxsize=16)
def _fact_check_path(site: str) -> tuple[str, str]:
    # Reversed once per site rather than once per row: an export of 100,000 rows would spend most
    # of its time in the URL resolver. Split around the id (not a format string: a site address
    # may hold braces).
    marker = "987654321"
    prefix, _, suffix = public_url(site, reverse("public:fact_check", args=[int(marker)])).partition(marker)
    return prefix, suffix
