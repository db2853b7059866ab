"""Charts of verdicts for reports, drawn by matplotlib as SVG (text kept as text, so a PDF of
the report can be searched and the charts stay sharp in print).

Figures are built with the object API (no pyplot state), so charts can be drawn from several
threads at once.

Labels are names people typed (sources, sides): matplotlib must draw them as they are. By default
it reads text between two dollar signs as maths (`Cash$$Flow Institute` raised ValueError and
took the report page down; `Fund for $5 and $10 bills` was drawn as a formula), and with usetex
it would hand every label to TeX. Both are off for every chart (the rcParams below), and every
label goes through `_label`, which also keeps the SVG valid XML.
"""
import base64
import io
from collections import Counter
from collections.abc import Iterable

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402  (after choosing the back end)

from .ratings import COLOURS, Rating  # noqa: E402
from .safe_output import printable  # noqa: E402

matplotlib.rcParams.update({
    "svg.fonttype": "none",
    "svg.hashsalt": "factcheck",  # the same data draws the same file
    "font.family": "DejaVu Sans",
    "font.size": 9,
    # Text is text: no mathtext between dollar signs, never TeX (see the module's docstring).
    "text.parse_math": False,
    "text.usetex": False,
})


def stacked_bars(counts: dict[str, Counter], *, title: str, horizontal: bool = False) -> str:
    """One bar per group (a side, a source, a week), stacked by rating; an SVG data URI."""
    groups = list(counts)
    labels = [_label(group) for group in groups]
    # 5.5 in wide (about 530 px): three charts side by side on a desk's screen, one on a phone,
    # with the 9 pt labels still legible when the page scales the chart to its column.
    figure = Figure(figsize=(5.5, max(2.2, 0.35 * len(groups) + 1.2)) if horizontal else (5.5, 3))
    axes = figure.subplots()
    base = [0] * len(groups)
    positions = range(len(groups))
    for rating in Rating:
        heights = [counts[group][rating.value] for group in groups]
        if not any(heights):
            continue
        draw = axes.barh if horizontal else axes.bar
        kwargs = {"left": base} if horizontal else {"bottom": base}
        draw(positions, heights, color=COLOURS[rating], label=_label(rating.label), **kwargs)
        base = [b + h for b, h in zip(base, heights)]
    if horizontal:
        axes.set_yticks(list(positions), labels)
        axes.invert_yaxis()
        axes.xaxis.get_major_locator().set_params(integer=True)
    else:
        axes.set_xticks(list(positions), labels, rotation=30 if len(groups) > 6 else 0, ha="right" if len(groups) > 6 else "center")
        axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_title(_label(title), loc="left", fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    figure.tight_layout()
    return _data_uri(figure)


def _label(text: str) -> str:
    """A label as matplotlib will draw it: only characters the SVG (XML) can carry. Maths is off
    for every text (rcParams above), so a dollar sign needs no escaping."""
    return printable(str(text))


def tally(counted: Iterable[tuple[str, str, int]]) -> dict[str, Counter]:
    """(group, rating, how many) rows, as the database counts them, added up per group and
    rating; groups in first-seen order."""
    counts: dict[str, Counter] = {}
    for group, rating, n in counted:
        counts.setdefault(group, Counter())[rating] += n
    return counts


def _data_uri(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg")
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
