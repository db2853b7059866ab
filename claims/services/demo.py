"""Demo data for `make run`: roles with one user each, the Russia-Ukraine topic, sources, articles,
and one claim the desk has already checked, with the narrative it belongs to, so that "Checked
before?", the queue's marks and the public pages have something to show on a first run."""
import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from ..demo.articles import ARTICLES, CHECKED, NARRATIVE
from ..models import Article, Claim, Narrative, Outlet, Side, Source, SourceKind, Topic
from ..workflow import ReviewState
from . import evidence, narratives, reviews
from ..permissions import Role
from .articles import content_hash, clean_body, import_article

DEMO_USERS = [
    # username, password, role; demo credentials only, printed by `make run`.
    ("admin", "admin-demo-pass", Role.ADMIN),
    ("editor", "editor-demo-pass", Role.EDITOR),
    ("reviewer", "reviewer-demo-pass", Role.REVIEWER),
    ("reviewer2", "reviewer2-demo-pass", Role.REVIEWER),
]

SIDES = {
    "Russia": "Russia, Russian, Moscow, Kremlin",
    "Ukraine": "Ukraine, Ukrainian, Kyiv",
}

SOURCES = [
    ("Russian Defense Ministry", "Russian Ministry of Defence, Russia's Defense Ministry", SourceKind.ORGANISATION, "Russia"),
    ("Sergei Shoigu", "", SourceKind.PERSON, "Russia"),
    ("Vyacheslav Gladkov", "", SourceKind.PERSON, "Russia"),
    ("Roman Starovoit", "", SourceKind.PERSON, "Russia"),
    ("Serhiy Haidai", "", SourceKind.PERSON, "Ukraine"),
    ("Volodymyr Zelensky", "Zelenskyy", SourceKind.PERSON, "Ukraine"),
    ("Ukrainian General Staff", "General Staff of the Armed Forces of Ukraine", SourceKind.ORGANISATION, "Ukraine"),
]


def load_demo() -> list[tuple[str, str, str]]:
    """Create (or keep) the demo data; returns the demo credentials as (username, password, role)."""
    User = get_user_model()
    for username, password, role in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_password(password)
            user.is_staff = role == Role.ADMIN
            user.is_superuser = role == Role.ADMIN
            user.save()
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    topic, _ = Topic.objects.get_or_create(
        name="Russia-Ukraine war",
        defaults={"loaded_terms": "liberated, liberation, occupiers, denazification, junta, terrorists, special military operation"},
    )
    sides = {}
    for name, cues in SIDES.items():
        sides[name], _ = Side.objects.get_or_create(topic=topic, name=name, defaults={"cues": cues})
    for name, aliases, kind, side in SOURCES:
        Source.objects.get_or_create(name=name, defaults={"aliases": aliases, "kind": kind, "side": sides[side]})
    editor = User.objects.get(username="editor")
    for item in ARTICLES:
        if Article.objects.filter(content_hash=content_hash(clean_body(item["text"]))).exists():
            continue
        outlet, _ = Outlet.objects.get_or_create(name=item["outlet"], defaults={"domain": "demo.example"})
        import_article(
            title=item["title"],
            raw_text=item["text"],
            imported_by=editor,
            url=item["url"],
            outlet=outlet,
            published_on=datetime.date.fromisoformat(item["published_on"]),
            topic=topic,
        )
    _checked_before(editor, User.objects.get(username="reviewer"), topic)
    return [(u, p, r.value) for u, p, r in DEMO_USERS]


def _checked_before(editor, reviewer, topic) -> None:
    """Publish the demo's checked claim through the same services a desk uses (four eyes: the
    reviewer writes, the editor approves) and record its narrative; kept as it is on a second run."""
    claim = Claim.objects.filter(article__url=CHECKED["article"], text__contains=CHECKED["claim_contains"]).first()
    if claim is None:
        return  # the engine did not find the claim in this text: the demo goes on without it
    if claim.state == ReviewState.NEW:
        evidence.add_evidence(claim=claim, added_by=reviewer, url=CHECKED["evidence"], stance="refutes",
                              note="The city's own account of the night's damage.")
        reviews.submit_verdict(claim=claim, reviewer=reviewer, rating=CHECKED["rating"], rationale=CHECKED["rationale"])
        reviews.approve_and_publish(claim=claim, editor=editor)
        claim.refresh_from_db()
    if not Narrative.objects.filter(name=NARRATIVE["name"]).exists() and claim.state == ReviewState.PUBLISHED:
        narrative = narratives.record_narrative(
            name=NARRATIVE["name"], summary=NARRATIVE["summary"], user=editor, topic=topic, examples=(NARRATIVE["example"],)
        )
        narratives.attach_debunk(narrative=narrative, verdict=claim.verdict, user=editor)
