"""Who may do what: the one place the workbench decides it.

Roles are Django groups (created by a migration). Admins can do everything; editors import
articles, approve and publish verdicts and export reports; reviewers work through the queue and
record verdicts. Nobody approves a verdict they wrote themselves (four eyes).
"""
from enum import StrEnum

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet


class Role(StrEnum):
    ADMIN = "Admin"
    EDITOR = "Editor"
    REVIEWER = "Reviewer"


def with_roles(users: QuerySet) -> QuerySet:
    """Users with their roles read in the same query, one EXISTS per role (`role_admin`, ...): the
    signed-in user is read on every request (claims.auth_backend), and their roles with them
    instead of in a second query."""
    return users.annotate(**{
        f"role_{role.name.lower()}": Exists(Group.objects.filter(user=OuterRef("pk"), name=role.value)) for role in Role
    })


def roles_of(user) -> frozenset[Role]:
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_factcheck_roles", None)
    if cached is None:
        if all(hasattr(user, f"role_{role.name.lower()}") for role in Role):  # read by with_roles
            names = {role.value for role in Role if getattr(user, f"role_{role.name.lower()}")}
        else:
            names = set(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            names.add(Role.ADMIN)
        cached = frozenset(Role(name) for name in names if name in Role.__members__.values())
        user._factcheck_roles = cached
    return cached


def _has_any(user, *roles: Role) -> bool:
    return bool(roles_of(user) & set(roles))


def can_use_workbench(user) -> bool:
    return _has_any(user, Role.ADMIN, Role.EDITOR, Role.REVIEWER)


def can_import_articles(user) -> bool:
    return _has_any(user, Role.ADMIN, Role.EDITOR)


def can_review(user) -> bool:
    return can_use_workbench(user)


def can_work_on(user, claim) -> bool:
    """Reviewers work on claims that are unassigned or theirs; editors may step in on any."""
    if _has_any(user, Role.ADMIN, Role.EDITOR):
        return True
    return can_review(user) and claim.assignee_id in (None, user.pk)


def can_assign(user, claim, assignee) -> bool:
    """Editors hand claims to anyone; reviewers take unassigned claims (or their own) for themselves."""
    if _has_any(user, Role.ADMIN, Role.EDITOR):
        return True
    taking = assignee is not None and assignee.pk == user.pk
    releasing = assignee is None and claim.assignee_id == user.pk
    return can_review(user) and (taking and claim.assignee_id in (None, user.pk) or releasing)


def can_correct(user, claim) -> bool:
    """Speaker, side and kind may be corrected by whoever may work on the claim, until it is published."""
    return can_work_on(user, claim) and claim.state != "published"


def can_link_same_claim(user, claim) -> bool:
    """Linking a claim's match as the same claim (or unlinking it) is review work on that claim:
    whoever may work on it, while its own verdict is not yet published."""
    return can_work_on(user, claim) and claim.state != "published"


def can_reject_suggestion(user, claim) -> bool:
    """Saying a suggested match is not the same claim, or that the claim does not repeat a flagged
    narrative (and taking either back), is the same review work as linking a match: whoever may
    link the claim's matches."""
    return can_link_same_claim(user, claim)


def can_approve(user, verdict) -> bool:
    return _has_any(user, Role.ADMIN, Role.EDITOR) and verdict.reviewer_id != user.pk


def can_decide_verdict(user, claim) -> bool:
    """Approving the claim's verdict or sending it back: an editor who did not write it. Before a
    verdict is written, any editor (the workflow then says there is nothing to approve)."""
    verdict = getattr(claim, "verdict", None)
    return can_approve(user, verdict) if verdict is not None else _has_any(user, Role.ADMIN, Role.EDITOR)


def can_export(user) -> bool:
    return _has_any(user, Role.ADMIN, Role.EDITOR)


def can_read_narratives(user) -> bool:
    """Known narratives are read by everyone on the workbench: reviewers meet them in the queue."""
    return can_use_workbench(user)


def can_record_narratives(user) -> bool:
    """Recording a narrative, its examples and its debunking verdicts, editing and archiving it,
    is the desk's call: editors and admins."""
    return _has_any(user, Role.ADMIN, Role.EDITOR)


def can_manage_registry(user) -> bool:
    return _has_any(user, Role.ADMIN)


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)
