"""Whether the installed fonts can show a PDF's text. Typst draws a character no font
has as an empty box, and says nothing: a plan in Chinese on a machine without a CJK font
is a PDF of boxes. Before a PDF is written its text is scanned for the scripts below; each
script found is looked up once a process, by one of its letters, in the character maps of
the fonts Typst finds (`typst.Fonts`: the system's font folders, not fontconfig), and a
script no font has is said once, as a `MissingFontWarning` naming it, the PDF files that
hold it when they are known (`fonts_of`: every file a command writes, in the one warning)
and what to install.

A PDF so depends on more than its document: on which of its scripts the machine has a font
for. `fonts_used` notes it with the PDF, and `fonts_unchanged` tells whether a stored PDF
was laid out with the fonts installed now (the website's store, `ogpctl.site.downloads`):
installing the font the warning names lays the PDF out again, and a PDF reused while the
font is still missing says so again.

Latin is not looked up: Typst brings fonts for it.
"""

from __future__ import annotations

import mmap
import re
import struct
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from ogpctl.base.errors import OgpctlWarning

NOTO = "fonts-noto-core"
CJK = "fonts-noto-cjk"


class MissingFontWarning(OgpctlWarning):
    """A PDF holds text in a script that no installed font has."""


@dataclass(frozen=True)
class Script:
    name: str           # what a reader calls it: the script, with its languages
    letters: str        # a regular-expression class of its code points
    sample: int         # a letter every font for the script has
    package: str        # the Debian package with a font for it

    def message(self, pdfs: Sequence[str] = ()) -> str:
        """What the warning says; `pdfs` are the files that hold the script, when known."""
        holders = f"{_listed(pdfs)} {'hold' if len(pdfs) > 1 else 'holds'}" if pdfs \
            else "the PDF holds"
        again = "them" if len(pdfs) > 1 else "the PDF"
        return (f"{holders} {self.name} text, and no installed font has it: it shows as "
                f"empty boxes. Install a font for it (Debian: apt-get install {self.package}; "
                f"`fc-list :charset={self.sample:x}` lists the fonts that have it), then "
                f"write {again} again")


#: The files a warning names; beyond, it counts the others.
NAMED_AT_MOST = 4


def _listed(names: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`; past `NAMED_AT_MOST`, `a, b, c, d and 3 other PDFs`."""
    if len(names) > NAMED_AT_MOST:
        others = len(names) - NAMED_AT_MOST
        return f"{', '.join(names[:NAMED_AT_MOST])} and {others} other " \
               f"PDF{'s' if others > 1 else ''}"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


SCRIPTS = (
    Script("Chinese, Japanese and Korean (Han)",
           "\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f",
           0x4E00, CJK),
    Script("Japanese (kana)", "\u3040-\u30ff\u31f0-\u31ff", 0x3042, CJK),
    Script("Korean (Hangul)", "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af", 0xAC00, CJK),
    Script("Arabic", "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc",
           0x0627, NOTO),
    Script("Hebrew", "\u0590-\u05ff\ufb1d-\ufb4f", 0x05D0, NOTO),
    Script("Cyrillic", "\u0400-\u052f", 0x0416, "fonts-dejavu-core"),
    Script("Greek", "\u0370-\u03ff\u1f00-\u1fff", 0x03A9, "fonts-dejavu-core"),
    Script("Armenian", "\u0530-\u058f", 0x0531, NOTO),
    Script("Georgian", "\u10a0-\u10ff\u2d00-\u2d2f", 0x10D0, NOTO),
    Script("Devanagari (Hindi, Marathi, Nepali)", "\u0900-\u097f\ua8e0-\ua8ff", 0x0915, NOTO),
    Script("Bengali", "\u0980-\u09ff", 0x0995, NOTO),
    Script("Gurmukhi (Punjabi)", "\u0a00-\u0a7f", 0x0A15, NOTO),
    Script("Gujarati", "\u0a80-\u0aff", 0x0A95, NOTO),
    Script("Tamil", "\u0b80-\u0bff", 0x0B95, NOTO),
    Script("Telugu", "\u0c00-\u0c7f", 0x0C15, NOTO),
    Script("Kannada", "\u0c80-\u0cff", 0x0C95, NOTO),
    Script("Malayalam", "\u0d00-\u0d7f", 0x0D15, NOTO),
    Script("Sinhala", "\u0d80-\u0dff", 0x0D9A, NOTO),
    Script("Thai", "\u0e00-\u0e7f", 0x0E01, NOTO),
    Script("Lao", "\u0e80-\u0eff", 0x0E81, NOTO),
    Script("Tibetan", "\u0f00-\u0fff", 0x0F40, NOTO),
    Script("Myanmar (Burmese)", "\u1000-\u109f", 0x1000, NOTO),
    Script("Ethiopic (Amharic, Tigrinya)", "\u1200-\u139f\u2d80-\u2ddf", 0x1200, NOTO),
    Script("Khmer", "\u1780-\u17ff", 0x1780, NOTO),
    Script("Mongolian", "\u1800-\u18af", 0x1820, NOTO),
)
#: Any letter of a script above: most texts have none, and are scanned once.
_ANY = re.compile("[" + "".join(s.letters for s in SCRIPTS) + "]")
_EACH = tuple((script, re.compile(f"[{script.letters}]")) for script in SCRIPTS)
_NAMED = {script.name: script for script in SCRIPTS}

#: What this process learnt: script name -> whether an installed font has it.
_looked_up: dict[str, bool] = {}


def scripts_in(text: str) -> list[Script]:
    """The scripts of `SCRIPTS` that `text` has letters of, in the table's order."""
    if _ANY.search(text) is None:
        return []
    return [script for script, letters in _EACH if letters.search(text)]


def warn_missing_fonts(text: str, has_font: Callable[[int], bool] | None = None) -> None:
    """A `MissingFontWarning` for each script of `text` no installed font has, the first
    time this process meets it. `has_font` (a code point -> whether a font has it; by
    default the fonts Typst finds, `font_has`) is asked once a script."""
    for script in scripts_in(text):
        covered(script, has_font)


def covered(script: Script, has_font: Callable[[int], bool] | None = None,
            pdfs: Sequence[str] = ()) -> bool:
    """Whether an installed font has `script`: asked once a process (of `has_font`, by
    default `font_has`), and said (`MissingFontWarning`, naming `pdfs`, the files that hold
    it) when none has it."""
    found = _looked_up.get(script.name)
    if found is None:
        _looked_up[script.name] = found = (has_font or font_has)(script.sample)
        if not found:
            warnings.warn(script.message(pdfs), MissingFontWarning, stacklevel=3)
    return found


def fonts_of(texts: Mapping[str, str]) -> dict[str, str]:
    """`fonts_used` for the text of each PDF (file name -> its text), by name. A script
    no installed font has is said once, as for one PDF, naming every file of `texts` that
    holds it: the one warning of a command that writes several PDFs says which."""
    found = {name: scripts_in(text) for name, text in texts.items()}
    for script in SCRIPTS:
        holders = [name for name, scripts in found.items() if script in scripts]
        if holders:
            covered(script, pdfs=holders)
    return {name: fonts_used(scripts) for name, scripts in found.items()}


def fonts_used(scripts: list[Script]) -> str:
    """The fonts a PDF of text in `scripts` is laid out with, outside the record: a line a
    script, `1 <name>` when an installed font has it, `0 <name>` when not; empty when the
    text has none of `SCRIPTS` (nothing is asked then)."""
    return "\n".join(f"{int(covered(script))} {script.name}" for script in scripts)


def fonts_unchanged(used: str) -> bool:
    """Whether the fonts a PDF was laid out with (`fonts_used`) are those installed now.
    Each script is asked as for a new layout (once a process, said when missing), so a
    PDF reused while its font is still missing says why it shows boxes. A note this
    version cannot read is a change."""
    for line in used.split("\n") if used else ():
        flag, _, name = line.partition(" ")
        script = _NAMED.get(name)
        if script is None or flag not in ("0", "1") or covered(script) != (flag == "1"):
            return False
    return True


@cache
def _typst_fonts() -> tuple[tuple[str, str | None, int], ...]:
    """The fonts Typst lays out with (the system's and its own): family, file (None for
    one built into Typst) and index in the file; none without the typst package."""
    try:
        import typst
    except ImportError:
        return ()
    return tuple((info.family, info.path, info.index) for info in typst.Fonts().fonts())


def typst_families() -> frozenset[str]:
    """The font families Typst finds."""
    return frozenset(family for family, _, _ in _typst_fonts())


def font_has(codepoint: int) -> bool:
    """Whether a font Typst finds has `codepoint` (its character map says so). Typst's
    own fonts have no file to read: they are Latin, Greek and Cyrillic. True when no font
    file can be read at all (nothing to warn about that is known)."""
    files = {(path, index) for _, path, index in _typst_fonts() if path}
    if not files:
        return True
    return any(codepoint in _covered(path, index) for path, index in sorted(files))


@cache
def _covered(path: str, index: int) -> CharacterMap:
    """The characters of font `index` in file `path` (empty when it cannot be read). The
    file is mapped, not read: only its table directory and character map are touched (a
    CJK font collection is tens of megabytes)."""
    try:
        with open(path, "rb") as stream, \
                mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return CharacterMap(_ranges(data, index))
    except (OSError, struct.error, ValueError):
        return CharacterMap(())


@dataclass(frozen=True)
class CharacterMap:
    """The code point ranges (first, last) a font's `cmap` maps to glyphs."""

    ranges: tuple[tuple[int, int], ...]

    def __contains__(self, codepoint: object) -> bool:
        return any(first <= codepoint <= last for first, last in self.ranges) \
            if isinstance(codepoint, int) else False


def _ranges(data: bytes | mmap.mmap, index: int) -> tuple[tuple[int, int], ...]:
    """The ranges of an OpenType font's Unicode character map (formats 12 and 4)."""
    start = struct.unpack_from(">I", data, 12 + 4 * index)[0] if data[:4] == b"ttcf" else 0
    tables = struct.unpack_from(">H", data, start + 4)[0]
    for entry in range(tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, start + 12 + 16 * entry)
        if tag == b"cmap":
            return _unicode_ranges(data, offset)
    return ()


def _unicode_ranges(data: bytes | mmap.mmap, cmap: int) -> tuple[tuple[int, int], ...]:
    subtables = []
    for entry in range(struct.unpack_from(">H", data, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * entry)
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3), (0, 1)):
            subtables.append(cmap + offset)
    by_format = {struct.unpack_from(">H", data, at)[0]: at for at in subtables}
    if 12 in by_format:
        at = by_format[12]
        groups = struct.unpack_from(">I", data, at + 12)[0]
        return tuple(struct.unpack_from(">II", data, at + 16 + 12 * group)
                     for group in range(groups))
    if 4 in by_format:
        at = by_format[4]
        segments = struct.unpack_from(">H", data, at + 6)[0] // 2
        ends = struct.unpack_from(f">{segments}H", data, at + 14)
        starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
        return tuple((first, last) for first, last in zip(starts, ends, strict=True)
                     if first != 0xFFFF)
    return ()
