"""Reading: files that cannot be read safely. Found by `ogpctl.source`, never by a rule function.

They cite handbook 5.1: OGP information is published "in machine-readable, reusable, and
open formats", which a record file that tools cannot read safely is not."""

from __future__ import annotations

from ogpctl.diagnostics import Severity
from ogpctl.rules import entry

E = Severity.ERROR
F = "reading"

entry("R001", "yaml-syntax", family=F, severity=E, handbook="", doc="""
    The file is not valid YAML, or holds more than one YAML document.

    ogpctl cannot read the file, so nothing in it is checked. The message names the first
    problem the parser met and where; fix it and check again. Indentation with spaces,
    a space after each colon, and closing every bracket and quote fix most cases.

    Fails:
      title: [Open contracting
    Passes:
      title: Open contracting
    """)
entry("R002", "encoding", family=F, severity=E, handbook="", doc="""
    The file is not UTF-8 text.

    Record files must be saved as UTF-8 so every language reads the same on every
    computer. Save the file as "UTF-8" (without "UTF-16" or "Unicode") in your editor.
    """)
entry("R003", "control-character", family=F, severity=E, handbook="", doc="""
    The file contains a NUL byte, a control character or a lone surrogate.

    Invisible characters copied from other documents can hide text from reviewers and break
    other tools. They are refused whether written directly or as an escape such as "\\x07".

    Fails:
      title: "Open\\x07 contracting"
    Passes:
      title: Open contracting
    """)
entry("R004", "duplicate-key", family=F, severity=E, handbook="", doc="""
    A key appears twice in the same mapping.

    YAML keeps only one of the values, so the other is silently lost. Keys that look the
    same after Unicode normalisation (an accented letter typed two ways) count as the same.

    Fails:
      title: Open contracting
      title: Beneficial ownership
    Passes:
      title: Open contracting
    """)
entry("R005", "yaml-tag", family=F, severity=E, handbook="", doc="""
    The file uses a YAML tag such as !!python/object.

    Tags can make YAML loaders build program objects; a record never needs them, so they
    are refused rather than ignored.

    Fails:
      title: !!python/object/apply:os.system ["ls"]
    Passes:
      title: Open contracting
    """)
entry("R006", "yaml-alias", family=F, severity=E, handbook="", doc="""
    The file uses a YAML alias (*name).

    Aliases repeat another part of the file; a few of them can expand into billions of
    values ("billion laughs"). Write the value out instead.

    Fails:
      lead: &lead ministry-finance
      milestones:
        - number: 1
          lead: *lead
    Passes:
      lead: ministry-finance
      milestones:
        - number: 1
          lead: ministry-finance
    """)
entry("R007", "too-deep", family=F, severity=E, handbook="", doc="""
    The data is nested more than 64 levels deep.

    No record file needs that depth; such files are refused before they can exhaust memory
    or the stack.
    """)
entry("R008", "too-large", family=F, severity=E, handbook="", doc="""
    The file is larger than 2 MiB.

    Record files are short documents; put large material in the evidence folders, which
    ogpctl lists but does not read.
    """)
entry("R009", "key-not-text", family=F, severity=E, handbook="", doc="""
    A key is a number, a date, true/false, empty, or a list.

    Keys must be words. Quote a key that looks like a number or a date.

    Fails:
      2026: first year
    Passes:
      "2026": first year
    """)
entry("R010", "front-matter", family=F, severity=E, handbook="", doc="""
    A meeting file has no YAML front matter.

    Each forum/meetings/*.md file starts with a block between two lines of three dashes
    holding the meeting's date, kind and attendees; the minutes follow it.

    Fails:
      # Forum meeting
      Minutes...
    Passes:
      ---
      date: 2026-03-12
      kind: msf
      ---
      # Forum meeting
    """)
entry("R012", "symlink", family=F, severity=E, handbook="", doc="""
    A record file is a symbolic link.

    A link can point outside the record, so ogpctl never follows one: replace the link
    with the file itself.
    """)
entry("R013", "mixed-line-endings", family=F, severity=Severity.WARNING, handbook="", doc="""
    A file mixes line endings: some lines end with CRLF (Windows), others with LF.

    It happens when a file written on Windows is edited on Linux or macOS, or the other
    way round. ogpctl reads it and its edits keep each line's own ending, but the next
    editor to save it with one kind makes every line of the file look changed in review,
    and some tools read it as one long line. Save it with one kind of line ending (most
    editors show and set it in the status bar); a `.gitattributes` line such as
    `*.yaml text eol=lf` keeps it so.
    """)
entry("R014", "text-too-long", family=F, severity=Severity.WARNING, handbook="", doc="""
    A Markdown text (a section, a meeting's minutes, a long field) is longer than 65,536
    characters.

    Formatting Markdown takes time that grows with its length, and some texts (thousands of
    brackets or table rows) take seconds a page, so a longer text is shown as plain
    paragraphs in documents and on the site, without headings, lists, links or emphasis.
    No section of an action plan needs that much: shorten it, or split it.
    """)
