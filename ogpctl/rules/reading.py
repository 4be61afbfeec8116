"""Reading: files that cannot be read safely, and text that does not read as it displays
(R013), all found by `ogpctl.source` while the files are read.

They are the tool's own rules and cite no handbook section (the handbook asks for
information "in machine-readable, reusable, and open formats", 5.1, but not for these
particular safeguards)."""

from __future__ import annotations

from ogpctl.base.diagnostics import Severity
from ogpctl.rules import entry

E = Severity.ERROR
W = Severity.WARNING
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
entry("R011", "yaml-version", family=F, severity=W, handbook="", doc="""
    The file declares a YAML version other than 1.2 (%YAML 1.1).

    Record files are always read as YAML 1.2, whatever they declare: there `no` and `on`
    stay words, `010` is ten and `12:30` is text, where a YAML 1.1 reader would see false,
    true, eight and a number of seconds. Remove the directive so every tool reads the
    file the same way.

    Fails:
      %YAML 1.1
      ---
      title: Open contracting
    Passes:
      title: Open contracting
    """)
entry("R012", "symlink", family=F, severity=E, handbook="", doc="""
    A record file or folder, or a file or folder in an evidence folder, is a symbolic link.

    A link can point outside the record (a pull request that adds one to an evidence
    folder, or makes plans/<id>/sections a link, could publish any file of the machine
    that builds the site), so ogpctl never follows one: nothing is read or published
    through it (a linked record file or folder stops `site`, `render` and `index`, which
    would publish the record without it). Replace the link with the file or folder itself.
    """)


# Directional formatting characters are found while a file is read, from its bytes
# (`ogpctl.source.bidi`): a file without one costs no walk of its data.
entry("R013", "bidi-control", family=F, severity=E, handbook="", doc="""
    A text holds a directional override, or an embedding or isolate left open.

    Invisible directional characters can make a text display in another order than the
    one reviewers and tools read, hiding what a change really says ("Trojan Source").
    U+202D and U+202E (overrides) are refused everywhere. Embeddings (U+202A, U+202B) and
    isolates (U+2066-U+2068) are used when right-to-left and left-to-right text mix, so
    they are accepted when closed (U+202C, U+2069) on the same line, as the bidirectional
    algorithm itself closes them at the end of a paragraph. The marks used in Arabic and
    Hebrew text (U+200E, U+200F, U+061C) are always fine.

    Fails:
      title: "Open contracting \\u202e gnitcartnoc"
    Passes:
      title: {ar: "التعاقد المفتوح \\u2066OCDS\\u2069"}
    """)


entry("R014", "mixed-line-endings", family=F, severity=W, handbook="", doc="""
    A file mixes line endings: some lines end with CRLF (Windows), others with LF.

    It happens when a file written on Windows is edited on Linux or macOS, or the other
    way round. ogpctl reads it and its edits keep each line's own ending, but the next
    editor to save it with one kind makes every line of the file look changed in review,
    and some tools read it as one long line. Save it with one kind of line ending (most
    editors show and set it in the status bar); a `.gitattributes` line such as
    `*.yaml text eol=lf` keeps it so.
    """)
entry("R015", "text-too-long", family=F, severity=W, handbook="", doc="""
    A Markdown text (a section, a meeting's minutes, a long field) is longer than 65,536
    characters.

    Formatting Markdown takes time that grows with its length, and some texts (thousands of
    brackets or table rows) take seconds a page, so a longer text is shown as plain
    paragraphs in documents and on the site, without headings, lists, links or emphasis.
    No section of an action plan needs that much: shorten it, or split it.
    """)
