"""The REST API (django-ninja), for systems that feed or read the workbench.

Authentication: `Authorization: Bearer <token>` with a token from `manage.py create_api_token`.
One route needs none: /api/public/fact-checks/search, published work only and rate-limited per
client address (settings.PUBLIC_SEARCH_RATE), for readers' tools and other newsrooms.
The OpenAPI schema is at /api/openapi.json and browsable documentation at /api/docs.
The endpoints call the same services and selectors as the web pages, so permissions and
validation cannot drift between the two.
"""
import datetime
from functools import partial
from typing import Annotated

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Path, Query, Schema, Status
from ninja.security import HttpBearer
from ninja.throttling import AnonRateThrottle
from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from . import permissions, ratings
from .input_rules import MAX_ID, MAX_URL_CHARS, record_number, require_plain_text, yes_or_no
from .models import ImportJob, Topic
from .public_links import fact_check_urls, site_url
from .selectors.fact_check_search import MAX_QUERY_CHARS, clean_query, search_fact_checks
from .selectors.queue import QueueFilter, queue_claims, queue_page
from .selectors.verdicts import published_verdicts, verdict_rows
from .services import imports
from .services.tokens import user_for


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = user_for(token)
        if user is None or not permissions.can_use_workbench(user):
            return None
        request.user = user
        return user


class EditorTokenAuth(TokenAuth):
    """An editor's token, for the routes that import: anyone else's is told 403 here, before what
    they sent is read (ninja reads it after the token), not asked to correct an article, a topic or
    a job number only to be refused once they have. The services ask again."""

    def __init__(self, refusal: str):
        super().__init__()
        self.refusal = refusal

    def authenticate(self, request, token):
        user = super().authenticate(request, token)
        if user is not None:
            permissions.require(permissions.can_import_articles(user), self.refusal)
        return user


api = NinjaAPI(
    title="Fact-checking workbench API",
    version="1",
    description="Submit articles, follow their import, read claims and published verdicts.",
    auth=TokenAuth(),
    urls_namespace="api",
)


class Problem(Schema):
    detail: str


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not allowed."}, status=403)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


# Every number a client sends has bounds the database can hold (ids are 64-bit, MAX_ID; an offset past
# this many verdicts finds nothing anyway), so an out-of-range one is a 422 with the bound, not a 500.
MAX_OFFSET = 1_000_000_000

# What a parameter naming a record or saying yes or no takes, one rule each for every filter, path and
# body of the API. A value that is not of the parameter's kind (no id, no yes or no) is a 422, as
# pydantic answers for every other parameter here (limit, offset, q's length); a well-formed id the
# desk has no record of is the queue filter's 400, as an unknown state is. Left empty, a filter is no
# filter: the queue's own links send "topic=" for "Any".
RECORD_ID = f"Input should be a record's id, a whole number from 1 to {MAX_ID}"


def _shown(value) -> str:
    """What a refusal quotes of the value sent: its start. A body can send a list or an object of
    megabytes where an id goes, and the answer (message and context each) would be three times it."""
    text = repr(value if not isinstance(value, str) else value[:20])
    return text if len(text) <= 40 else text[:39] + "…"


def _record_id(value, *, words: tuple[str, ...] = ()):
    if value is None or value == "" or value in words:
        return value or None
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value if 1 <= value <= MAX_ID else None
    elif isinstance(value, str):
        number = record_number(value)  # ASCII digits only: int() would read "٣" as 3
    if number is None:
        also = "".join(f" (or {word})" for word in words)
        raise PydanticCustomError("record_id", RECORD_ID + also + ", not {value}", {"value": _shown(value)})
    return number


def _yes_or_no(value):
    if value is None or value == "" or isinstance(value, bool):
        return value if isinstance(value, bool) else None
    answer = yes_or_no(value)
    if answer is None:
        raise PydanticCustomError("yes_or_no", "Input should be true or false (or 1 or 0, yes or no, on or off), "
                                                "in any case, not {value}", {"value": _shown(value)})
    return answer


_ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
Id = Annotated[int | None, BeforeValidator(_record_id), WithJsonSchema(_ID_SCHEMA)]
YesOrNo = Annotated[bool | None, BeforeValidator(_yes_or_no), WithJsonSchema({"type": "boolean"})]


class In(Schema):
    """The base of what clients send: every string in it follows the input rule (claims.input_rules),
    so a control character or a lone surrogate is a 422 saying which and where."""

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value):
        if isinstance(value, str):
            try:
                require_plain_text(value)
            except ValidationError as exc:
                raise ValueError(" ".join(exc.messages)) from None
        return value


class ArticleIn(In):
    text: str = Field("", description="The article's text (or give url instead).")
    url: str = Field("", max_length=MAX_URL_CHARS, description="An http(s) link to the article (or give text instead).")
    title: str = Field("", max_length=500)
    published_on: datetime.date | None = None
    topic: Id = None

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"title": "Harbour queue", "published_on": "2025-03-04",
         "text": "The harbour master said 31 ships waited at anchor outside the port on Monday evening. "
                 "Shipping agents said the queue was the longest since the strike of 2021."},
        {"url": "https://news.example/world/harbour-queue"},
    ]})


class ItemOut(Schema):
    position: int
    state: str
    error: str
    note: str
    article_id: int | None


class JobOut(Schema):
    id: int
    label: str
    channel: str
    created_at: datetime.datetime
    total: int
    done: int
    failed: int
    pending: int
    items: list[ItemOut]


def _job_out(job: ImportJob) -> dict:
    progress = imports.job_progress(job)
    items = job.items.only("position", "state", "error", "note", "article_id")
    return {
        "id": job.pk, "label": job.label, "channel": job.channel, "created_at": job.created_at,
        **{k: progress[k] for k in ("total", "done", "failed", "pending")},
        "items": [ItemOut.from_orm(item) for item in items],
    }


@api.post("/articles", auth=EditorTokenAuth("Only editors can import articles."),
          response={202: JobOut, 400: Problem, 403: Problem}, summary="Submit an article (text or URL)")
def submit_article(request, payload: ArticleIn):
    topic = get_object_or_404(Topic, pk=payload.topic) if payload.topic else None
    job = imports.import_one(
        user=request.user, text=payload.text, url=payload.url, title=payload.title,
        published_on=payload.published_on, topic=topic,
    )
    return Status(202, _job_out(job))


@api.get("/imports/{job_id}", auth=EditorTokenAuth("Only editors can follow imports."),
         response={200: JobOut, 403: Problem, 404: Problem}, summary="The state of an import job")
def import_job(request, job_id: Path[Id]):
    return _job_out(get_object_or_404(ImportJob, pk=job_id))


class ClaimOut(Schema):
    id: int
    article_id: int
    text: str
    start: int
    end: int
    speaker: str
    side: str | None
    kind: str
    check_worthiness: float
    state: str
    has_dispute: bool
    matches_published: bool = Field(description="It matches a claim whose verdict is published.")
    repeats_narrative: bool = Field(description="It repeats an active known narrative.")


class ClaimPage(Schema):
    claims: list[ClaimOut]
    next: str | None


class ClaimFilters(In):
    state: str | None = None
    topic: Id = None
    side: Id = None
    source: Id = None
    disputed: YesOrNo = None
    matches_published: YesOrNo = Field(None, description="Whether the claim matches a published verdict.")
    narrative: Annotated[
        int | str | None, BeforeValidator(partial(_record_id, words=("any",))),
        WithJsonSchema({"anyOf": [_ID_SCHEMA, {"const": "any"}]}),
    ] = Field(None, description="An active known narrative's id (or any): the claims that repeat it.")
    q: str | None = Field(None, max_length=200)
    sort: str = "worthiness"
    after: str = Field("", max_length=500)


@api.get("/claims", response={200: ClaimPage, 400: Problem}, summary="Claims, filtered like the review queue")
def list_claims(request, filters: Query[ClaimFilters]):
    data = {k: v for k, v in filters.dict().items() if v not in (None, "") and k not in ("after", "matches_published")}
    if filters.matches_published is not None:
        data["matches_verdict"] = "yes" if filters.matches_published else "no"
    filterset = QueueFilter(data, queryset=queue_claims(), user=request.user)
    if not filterset.form.is_valid():
        raise ValidationError("; ".join(f"{k}: {' '.join(v)}" for k, v in filterset.form.errors.items()))
    page = queue_page(filterset.qs, sort=filters.sort, cursor=filters.after)
    if filters.after and page.first_page:
        # The web queue starts again from page 1 on a stale bookmark; a program is told instead.
        raise ValidationError(f"after: not a cursor this API gave out for sort={filters.sort!r}; start without it")
    return {
        "claims": [
            {**{f: getattr(c, f) for f in ("id", "article_id", "text", "start", "end", "speaker", "kind",
                                           "check_worthiness", "state", "has_dispute", "matches_published",
                                           "repeats_narrative")},
             "side": c.side_name if c.side_id else None}
            for c in page.claims
        ],
        "next": page.next_cursor,
    }


class VerdictOut(Schema):
    claim_id: int
    claim: str
    speaker: str
    side: str | None
    rating: str
    rationale: str
    published_at: datetime.datetime
    evidence_urls: list[str]


class VerdictPage(In):
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


@api.get("/verdicts", response=list[VerdictOut], summary="Published verdicts, newest first")
def list_verdicts(request, page: Query[VerdictPage]):
    rows = verdict_rows(published_verdicts())[page.offset : page.offset + page.limit]
    return [
        {
            "claim_id": row.claim_id, "claim": row.claim_text, "speaker": row.speaker, "side": row.side,
            "rating": ratings.label(row.rating), "rationale": row.rationale, "published_at": row.published_at,
            "evidence_urls": (row.evidence_urls or "").split(),
        }
        for row in rows
    ]


# Search of published fact-checks by claim text (issue 15), like Google's claim search: the text
# search finds candidates, the claim matcher ranks them (claims.selectors.fact_check_search).
class SearchIn(In):
    q: str = Field(..., max_length=MAX_QUERY_CHARS, description="The claim's words, as a reader would type or paste them.")
    limit: int = Field(10, ge=1, le=50)


class FactCheckHit(Schema):
    claim: str
    speaker: str
    side: str | None
    rating: str
    url: str = Field(description="The public page of the verdict.")
    published_at: datetime.datetime
    score: float = Field(description="How close the claim is to the text searched for, 0 to 1.")
    same_claim: bool = Field(description="The matcher judges it the same claim, not just a related one.")


def _search(request, params: SearchIn) -> list[dict]:
    text, _ = clean_query(params.q)  # a ValidationError is a 400 with the reason
    url_of = fact_check_urls(site_url(request))
    return [
        {"claim": row.claim_text, "speaker": row.speaker, "side": row.side, "rating": ratings.label(row.rating),
         "url": url_of(row.id), "published_at": row.published_at, "score": hit.score, "same_claim": hit.same}
        for row, hit in search_fact_checks(text, limit=params.limit)
    ]


@api.get("/fact-checks/search", response={200: list[FactCheckHit], 400: Problem},
         summary="Published fact-checks whose claim matches a text, best first")
def search_fact_checks_api(request, params: Query[SearchIn]):
    return _search(request, params)


class PublicSearchThrottle(AnonRateThrottle):
    """Per client address (REMOTE_ADDR, or the address NINJA_NUM_PROXIES trusted proxies
    forwarded), counted in Django's cache, at settings.PUBLIC_SEARCH_RATE."""

    scope = "public_search"

    def __init__(self):
        super().__init__(settings.PUBLIC_SEARCH_RATE)

    def get_cache_key(self, request):
        # Counted whoever asks, signed in or not: the route is the public one.
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


@api.get("/public/fact-checks/search", auth=None, throttle=PublicSearchThrottle(),
         response={200: list[FactCheckHit], 400: Problem, 429: Problem},
         summary="The same search without a token, rate-limited per client address (published work only)")
def public_search_fact_checks(request, params: Query[SearchIn]):
    return _search(request, params)
