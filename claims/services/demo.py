"""Demo data for `make run`: roles with one user each, the Russia-Ukraine topic, sources and articles."""
import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from ..demo.articles import ARTICLES
from ..models import Article, Outlet, Side, Source, SourceKind, Topic
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
    return [(u, p, r.value) for u, p, r in DEMO_USERS]
