"""A verdict report: what was checked in a selection and how each side's claims fared.

Built from a VerdictSelection in a fixed number of queries whatever its size (the rows, their
evidence, the competing claims, the counts), then shown as an HTML page with a print stylesheet or
as a PDF. The page lists the first MAX_CLAIMS verdicts; its rating counts and charts cover the
whole selection, counted by the database (selectors.verdicts.rating_counts, ratings_by).
The PDF is drawn by WeasyPrint from the page's HTML (`pdf_of`), which Django's autoescaping has
made safe as markup; `pdf_of` also keeps only characters WeasyPrint can draw.
"""
import datetime
from dataclasses import dataclass, field

from django.contrib.staticfiles import finders
from django.db.models import F, Q
from django.db.models.functions import TruncDate

from . import charts, ratings
from .presentation import side_label
from .safe_output import printable
from .models import Dispute, Evidence
from .selectors.narratives import claims_per_narrative
from .selectors.verdicts import (
    ROW_FIELDS, WHO_SAID_IT, VerdictSelection, is_published, rating_counts, ratings_by, verdict_rows,
)

MAX_CLAIMS = 500  # a longer report is a spreadsheet: the export has every row
TOP_SOURCES = 12


@dataclass
class CompetingPair:
    left: object  # Claim
    right: object
    reason: str

    @staticmethod
    def verdict_of(claim) -> str:
        verdict = getattr(claim, "verdict", None)
        if not is_published(verdict):
            return "Not yet checked"
        return ratings.label(verdict.rating)

    @property
    def left_verdict(self):
        return self.verdict_of(self.left)

    @property
    def right_verdict(self):
        return self.verdict_of(self.right)


@dataclass
class Checked:
    """One claim of the report with its published verdict and evidence."""

    row: object  # a verdict row (selectors.verdicts.verdict_rows)
    evidence: list

    @property
    def rating(self) -> str:
        return ratings.label(self.row.rating)

    @property
    def colour(self) -> str:
        return ratings.COLOURS[self.row.rating]

    @property
    def who(self) -> str:
        return self.row.who


@dataclass
class Report:
    title: str
    rows: list
    total: int
    checked: list = field(default_factory=list)
    competing: list = field(default_factory=list)
    charts: dict = field(default_factory=dict)
    rating_counts: list = field(default_factory=list)
    narratives: list = field(default_factory=list)  # selectors.narratives.NarrativeCount

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)


def build_report(selection: VerdictSelection) -> Report:
    verdicts = selection.qs
    counted = rating_counts(verdicts)
    total = sum(counted.values())
    rows = list(verdict_rows(verdicts.annotate(who=WHO_SAID_IT), (*ROW_FIELDS, "who"))[:MAX_CLAIMS]) if total else []
    claim_ids = [row.claim_id for row in rows]
    evidence = {}
    for item in Evidence.objects.filter(claim_id__in=claim_ids).order_by("added_at", "id"):
        evidence.setdefault(item.claim_id, []).append(item)
    report = Report(title=selection.describe(), rows=rows, total=total)
    report.checked = [Checked(row, evidence.get(row.claim_id, [])) for row in rows]
    report.competing = _competing_pairs(claim_ids)
    report.rating_counts = [(r.label, counted[r.value], ratings.COLOURS[r]) for r in ratings.Rating if r.value in counted]
    if total:
        report.charts = _charts(verdicts)
    report.narratives = claims_per_narrative(verdicts)
    return report


def _competing_pairs(claim_ids: list[int]) -> list[CompetingPair]:
    disputes = (
        Dispute.objects.filter(Q(first_id__in=claim_ids) | Q(second_id__in=claim_ids))
        .select_related("first__side", "second__side", "first__verdict", "second__verdict", "first__source", "second__source")
        .order_by("id")
    )
    pairs = []
    for dispute in disputes:
        left, right = dispute.first, dispute.second
        # The same side in the same column on every row: sides in name order.
        if (left.side.name if left.side else "~") > (right.side.name if right.side else "~"):
            left, right = right, left
        pairs.append(CompetingPair(left, right, dispute.reason))
    return pairs


def _charts(verdicts) -> dict[str, str]:
    """The selection's verdicts by side, by source (the TOP_SOURCES most checked, the rest as
    "Others") and over time, each counted by the database over the whole selection."""
    by_side = charts.tally((side_label(side), rating, n) for side, rating, n in ratings_by(verdicts, F("claim__side__name")))
    by_who = ratings_by(verdicts, WHO_SAID_IT)
    checked = charts.tally(by_who)
    top = sorted(checked, key=lambda who: -checked[who].total())[:TOP_SOURCES]  # ties: the latest checked first
    by_source = charts.tally((who if who in top else "Others", rating, n) for who, rating, n in by_who)
    return {
        "Verdicts by side": charts.stacked_bars(by_side, title="Verdicts by side"),
        "Verdicts by source": charts.stacked_bars(by_source, title="Verdicts by source", horizontal=True),
        "Verdicts over time": charts.stacked_bars(_over_time(verdicts), title="Verdicts over time"),
    }


def _over_time(verdicts):
    """By day over a month or less, by week over a year, else by month. Days are UTC days, as
    the stored times are."""
    per_day = sorted(ratings_by(verdicts, TruncDate("published_at", tzinfo=datetime.UTC)))
    first, last = per_day[0][0], per_day[-1][0]
    span = (last - first).days
    if span <= 31:
        label = lambda d: d.isoformat()  # noqa: E731
    elif span <= 366:
        label = lambda d: (d - datetime.timedelta(days=d.weekday())).isoformat()  # noqa: E731  (week of)
    else:
        label = lambda d: d.strftime("%Y-%m")  # noqa: E731
    return charts.tally((label(day), rating, n) for day, rating, n in per_day)


def pdf_of(html: str) -> bytes:
    """The report's HTML (claims/report/document.html) drawn as a PDF with the report stylesheet.
    Stored text may hold control characters, which WeasyPrint draws as missing glyphs that garble
    the PDF's searchable text: the page goes through `printable` first (the charts are base64)."""
    from weasyprint import CSS, HTML  # loaded on demand: it needs the system's Pango
    from weasyprint.urls import URLFetcher

    # The PDF is drawn from what the page holds (the charts are data: URIs): it fetches nothing.
    no_fetching = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    stylesheet = CSS(filename=finders.find("css/report.css"))
    return HTML(string=printable(html), url_fetcher=no_fetching).write_pdf(stylesheets=[stylesheet])
