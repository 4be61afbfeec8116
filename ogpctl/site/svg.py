"""Charts of the progress dashboard as inline SVG: they need no script and no file, print,
and carry a text alternative (`<title>` and `aria-label`); the numbers they draw are also
written out beside them, so no information lives in colour alone (WCAG 1.4.1)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ogpctl.render.html import plain

#: Fills with at least 3:1 contrast against white (WCAG 1.4.11).
STATUS_FILL = {"completed": "#1b6e3a", "in-progress": "#b35c00", "not-started": "#767676",
               "withdrawn": "#5b4a8b"}
COLOUR_FILL = {"green": "#1b6e3a", "amber": "#8a5a00", "red": "#b3261e", "grey": "#595959"}


def bar(share: float | None, label: str, colour: str) -> Markup:
    """A completion bar: the share of the commitment done, 0..1. Every page prints its
    `label` beside it, so the bar is hidden from screen readers (which would read the
    label twice) and says nothing more than it."""
    width = round(max(0.0, min(1.0, share or 0.0)) * 100, 1)
    del label
    return Markup(
        '<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false">'
        '<rect x="0" y="0" width="100" height="8" fill="#ffffff" stroke="#595959" '
        'stroke-width="0.6"/><rect x="0" y="0" width="%s" height="8" fill="%s"/></svg>'
    ) % (f"{width:g}", COLOUR_FILL.get(colour, "#595959"))


def stacked(counts: dict[str, int], label: str) -> Markup:
    label = plain(label)
    """Milestones by status as one bar of segments, in the order of STATUS_FILL."""
    total = sum(counts.values()) or 1
    parts, x = [], 0.0
    for status, fill in STATUS_FILL.items():
        width = counts.get(status, 0) / total * 100
        if width:
            parts.append(Markup('<rect x="%s" y="0" width="%s" height="10" fill="%s"/>') % (
                f"{x:.2f}", f"{width:.2f}", fill))
        x += width
    return Markup(
        '<svg class="stacked" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
        'aria-label="%s" focusable="false"><title>%s</title>%s</svg>'
    ) % (label, label, Markup("").join(parts))


def swatch(status: str) -> Markup:
    return Markup('<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" '
                  'focusable="false"><rect width="10" height="10" fill="%s"/></svg>') % (
        STATUS_FILL.get(status, "#595959"))


@dataclass(frozen=True)
class Mark:
    """A milestone on the timeline."""

    row: int
    due: date
    status: str
    label: str


def timeline(rows: list[str], marks: list[Mark], start: date, end: date, today: date,
             label: str, today_label: str) -> Markup:
    """Milestones by due date, one row a commitment, over a date axis with a tick and the
    year at each January 1, and a line at today: a mark left of the line that is not
    completed is late."""
    span = max((end - start).days, 1)
    width, left = 600, 40
    rows, label, today_label = [plain(r) for r in rows], plain(label), plain(today_label)
    axis = 18 * len(rows) + 6
    height = axis + 34

    def x(day: date) -> float:
        return left + (width - left - 10) * min(max((day - start).days / span, 0), 1)

    out = [Markup('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#d0d0d0"/>') % (
        left, 18 * i + 14, width - 10, 18 * i + 14) for i in range(len(rows))]
    out += [Markup('<text x="4" y="%d" font-size="11" fill="#1a1a1a">%s</text>') % (
        18 * i + 18, name) for i, name in enumerate(rows)]
    out += _axis(x, start, end, axis, left, width)
    for mark in marks:
        out.append(Markup('<circle cx="%s" cy="%d" r="5" fill="%s" stroke="#1a1a1a" '
                          'stroke-width="0.8"><title>%s</title></circle>') % (
            f"{x(mark.due):.1f}", 18 * mark.row + 14, STATUS_FILL.get(mark.status, "#595959"),
            plain(mark.label)))
    if start <= today <= end:
        at = f"{x(today):.1f}"
        out.append(Markup('<line x1="%s" y1="4" x2="%s" y2="%d" stroke="#b3261e" '
                          'stroke-width="1.5" stroke-dasharray="4 2"/>'
                          '<text x="%s" y="%d" font-size="10" fill="#b3261e" '
                          'text-anchor="middle">%s</text>') % (
            at, at, axis, f"{label_centre(x(today), today_label, width):.1f}", height - 2,
            today_label))
    return Markup('<svg class="timeline" viewBox="0 0 %d %d" role="img" aria-label="%s" '
                  'focusable="false"><title>%s</title>%s</svg>') % (
        width, height, label, label, Markup("").join(out))


#: The widest a character of a 10-unit label may be, in the chart's units: Noto Sans and
#: the fonts it falls back on draw Latin and Arabic letters and digits narrower than this.
_CHARACTER = 6.2


def label_centre(at: float, text: str, width: int, margin: float = 2) -> float:
    """Where a label centred under `at` goes so that all of it stays inside a chart `width`
    wide: moved in from an edge it would cross. Centred text keeps its place whatever
    direction the label reads in (its own, `unicode-bidi: plaintext`), where a start or
    end anchor would turn round with an Arabic date."""
    half = len(text) * _CHARACTER / 2 + margin
    return min(max(at, half), width - half)


def year_ticks(start: date, end: date) -> list[date]:
    """Every January 1 from `start` to `end`; the start itself when none falls inside, so
    the axis always names a year."""
    ticks = [date(year, 1, 1) for year in range(start.year, end.year + 1)
             if start <= date(year, 1, 1) <= end]
    return ticks or [start]


def _axis(x: Callable[[date], float], start: date, end: date, axis: int, left: int,
          width: int) -> list[Markup]:
    out = [Markup('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#595959"/>') % (
        left, axis, width - 10, axis)]
    for tick in year_ticks(start, end):
        at = f"{x(tick):.1f}"
        out.append(Markup('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#595959"/>'
                          '<text x="%s" y="%d" font-size="10" fill="#1a1a1a" '
                          'text-anchor="middle">%d</text>') % (
            at, axis, at, axis + 4, at, axis + 15, tick.year))
    return out
