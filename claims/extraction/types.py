"""The records the extraction engine takes and returns."""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SideCues:
    """A side of the story and the words that mark it ("Moscow", "Kremlin", "Russian")."""

    name: str
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownSource:
    """A source from the registry: its canonical name, other names and side (if known)."""

    name: str
    side: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass
class FoundClaim:
    text: str
    start: int
    end: int
    speaker: str | None = None
    side: str | None = None
    kind: str = "narration"
    check_worthy: bool = True
    score: float = 0.5
    source: str | None = None  # canonical registry name when the speaker matched one
    loaded_terms: tuple[str, ...] = ()
    set_aside_reason: str = ""  # why the span is not check-worthy

    def as_json(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "side": self.side,
            "check_worthy": self.check_worthy,
            "kind": self.kind,
            "score": round(self.score, 3),
            "source": self.source,
            "loaded_terms": list(self.loaded_terms),
            "set_aside_reason": self.set_aside_reason,
        }


@dataclass(frozen=True)
class FoundDispute:
    first: int  # indexes into Extraction.claims
    second: int
    reason: str


@dataclass
class Extraction:
    language: str
    claims: list[FoundClaim] = field(default_factory=list)
    disputes: list[FoundDispute] = field(default_factory=list)
    not_split_reason: str = ""
    failure: str = ""  # the engine could not read this article: why, for the editor
