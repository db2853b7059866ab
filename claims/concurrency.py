"""Edits from stale pages: the one place that decides a change was made on an outdated claim.

Every page that changes a claim sends back the claim's version it was showing. If someone else
has changed the claim since, the change is refused (HTTP 409) and the person sees the newer
version instead of silently overwriting it.
"""


class StaleEdit(Exception):
    def __init__(self, current_version: int, seen_version: int):
        self.current_version = current_version
        self.seen_version = seen_version
        super().__init__(
            "Someone else changed this claim while you had it open. Your change was not saved; "
            "the current version is shown below."
        )


def check_version(claim, seen_version) -> None:
    """Raise StaleEdit unless seen_version is the claim's current version (None: no check asked)."""
    if seen_version is None:
        return
    if int(seen_version) != claim.version:
        raise StaleEdit(claim.version, int(seen_version))


def bump(claim, user) -> None:
    """Mark the claim changed by user: a new version, and the user in its history."""
    claim.version += 1
    claim._history_user = user
