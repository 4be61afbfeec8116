"""The byte-preserving YAML editor: each kind of edit on a heavily commented file changes
only the edited value's text, and any text reads back exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogpctl.edit import yamlrender
from ogpctl.edit.yamltext import CURRENT, Change, SelfCheckError, UneditableError, apply, set_value
from ogpctl.source.bidi import text_fault
from ogpctl.source.yaml import parse_yaml

DOC = """\
# yaml-language-server: $schema=../schema.json
# A heavily commented file: every comment must survive every edit.

title: Open data   # the plain title

# ---- texts still to translate ----
empty:   # write me
tilde: ~  # null on purpose
quoted: 'it''s quoted'   # single quotes
double: "two\\tparts"
block: |-   # the header comment
  first line
  second line

  after a blank line

# between blocks
folded: >-
  a long text
  folded over two lines
map:
  en: Open contracting   # English
  # the Spanish is missing
  es:
flow: {en: Open data}   # a flow mapping
empty-flow: {}
next-line:
  Open
  data   # after a two-line plain scalar
items:
  - one   # first item
  - |
    two
nested:
  role:
    en: Coordinates
  # comment inside nested
indented: |2
    starts with spaces
  then not
spaces: |
  text
    \n  \nlast: the end   # trailing
"""


def lines_changed(before: str, after: str) -> tuple[int, int]:
    """The 1-based line range of `before` that differs from `after` (common prefix and
    suffix removed); (n, n - 1) for a pure insertion before line n."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head + 1, len(a) - tail


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def data(text: str) -> dict:
    parsed = parse_yaml(text)
    assert parsed.ok and not parsed.problems
    return parsed.data


# -- each kind of edit, with its exact result -----------------------------------------------

@pytest.mark.parametrize("path, value, old, new", [
    # (a) an empty or null value is filled in, its comment kept
    (("empty",), "Datos", "empty:   # write me\n", "empty: Datos   # write me\n"),
    (("tilde",), "yes", "tilde: ~  #", 'tilde: "yes"  #'),
    (("map", "es"), "Contratación abierta", "  es:\n", "  es: Contratación abierta\n"),
    (("empty",), "two\nlines", "empty:   # write me\n",
     "empty: |-   # write me\n  two\n  lines\n"),
    # (b) a scalar of any style is replaced
    (("title",), "Datos: abiertos", "title: Open data   #", 'title: "Datos: abiertos"   #'),
    (("quoted",), "plain now", "'it''s quoted'", "plain now"),
    (("title",), "_0", "title: Open data   #", 'title: _0   #'),   # text in YAML 1.2
    (("double",), "#hash", '"two\\tparts"', '"#hash"'),
    (("block",), "short", "block: |-   # the header comment\n  first line\n  second line\n\n"
     "  after a blank line\n", "block: short   # the header comment\n"),
    (("block",), "new\ntext\n", "|-   # the header comment\n  first line\n  second line\n\n"
     "  after a blank line\n", "|   # the header comment\n  new\n  text\n"),
    (("folded",), "{braces}", ">-\n  a long text\n  folded over two lines\n", '"{braces}"\n'),
    (("items", 1), "deux", "|\n    two\n", "deux\n"),
    # (c) a key is added to a block mapping after its last key
    (("map", "fr"), "Contrat ouvert", "  es:\n", "  es:\n  fr: Contrat ouvert\n"),
    (("nested", "role", "es"), "Coordina", "    en: Coordinates\n",
     "    en: Coordinates\n    es: Coordina\n"),
    (("last-key",), {"en": "x", "es": "y"}, "last: the end   # trailing\n",
     "last: the end   # trailing\nlast-key:\n  en: x\n  es: \"y\"\n"),
    (("items", 2), "three", "    two\n", "    two\n  - three\n"),
    # (d) a key is added to a flow mapping
    (("flow", "es"), "Datos, abiertos", "{en: Open data}",
     '{en: Open data, es: "Datos, abiertos"}'),
    (("empty-flow", "es"), "x", "{}", "{es: x}"),
    (("flow", "es"), "a\nb", "{en: Open data}", '{en: Open data, es: "a\\nb"}'),
    # (e) a plain text becomes a language map, keeping its comment
    (("title",), {"en": CURRENT, "es": "Datos abiertos"}, "title: Open data   # the plain title\n",
     "title:\n  en: Open data   # the plain title\n  es: Datos abiertos\n"),
    (("title",), {"es": "Datos abiertos", "en": CURRENT}, "title: Open data   #",
     "title:\n  es: Datos abiertos\n  en: Open data   #"),
    (("next-line",), {"en": CURRENT, "es": "Datos"}, "  Open\n  data   # after a two-line plain "
     "scalar\n", "  en: Open\n    data   # after a two-line plain scalar\n  es: Datos\n"),
    (("folded",), {"en": CURRENT, "es": "Texto"}, "folded: >-\n  a long text\n  folded over two "
     "lines\n", "folded:\n  en: >-\n    a long text\n    folded over two lines\n  es: Texto\n"),
    (("items", 0), {"en": CURRENT, "es": "uno"}, "  - one   # first item\n",
     "  - en: one   # first item\n    es: uno\n"),
    (("flow", "en"), "Datos", "{en: Open data}", "{en: Datos}"),
])
def test_each_edit_changes_only_its_value(path: tuple, value, old: str, new: str) -> None:
    after = set_value(DOC, path, value)
    assert DOC.count(old) == 1
    assert after == DOC.replace(old, new)


def test_comments_and_blank_lines_survive_a_batch_of_edits() -> None:
    changes = [Change(("empty",), "uno"), Change(("map", "es"), "dos\ntres"),
               Change(("title",), {"en": CURRENT, "es": "Datos"}), Change(("flow", "es"), "x"),
               Change(("items", 2), "three"), Change(("nested", "role", "es"), "Coordina")]
    after = apply(DOC, changes)
    comments = [line.split("#", 1)[1] for line in DOC.splitlines() if "#" in line]
    assert all(comment in after for comment in comments)
    assert after.count("\n\n") == DOC.count("\n\n")
    expected = data(DOC)
    expected.update(empty="uno", title={"en": "Open data", "es": "Datos"})
    expected["map"]["es"] = "dos\ntres"
    expected["flow"]["es"] = "x"
    expected["items"].append("three")
    expected["nested"]["role"]["es"] = "Coordina"
    assert data(after) == expected


def test_several_items_are_appended_to_one_list_in_order() -> None:
    after = apply(DOC, [Change(("items", 2), "three"), Change(("items", 3), {"a": "four"}),
                        Change(("flow", "fr"), "x"), Change(("flow", "de"), "y")])
    assert "    two\n  - three\n  - a: four\n" in after
    assert "{en: Open data, fr: x, de: \"y\"}" in after
    assert data(after)["items"][2:] == ["three", {"a": "four"}]
    with pytest.raises(ValueError):
        apply(DOC, [Change(("items", 2), "three"), Change(("items", 4), "five")])


@pytest.mark.parametrize("text, changes, expected", [
    ("a: 1\nl:\n  - x\n", [(("z",), 1), (("l", 1), {"k": 1}), (("l", 2), {"k": 2})],
     {"a": 1, "l": ["x", {"k": 1}, {"k": 2}], "z": 1}),
    ("a: 1\nl: []\n", [(("z",), 1), (("l", 0), {"k": 1}), (("l", 1), {"k": 2})],
     {"a": 1, "l": [{"k": 1}, {"k": 2}], "z": 1}),
    ("l:\n  m:\n    - x\n", [(("z",), 1), (("l", "n"), 2), (("l", "m", 1), "y")],
     {"l": {"m": ["x", "y"], "n": 2}, "z": 1}),
])
def test_values_added_where_a_nested_list_ends_stay_inside_it(text: str, changes: list,
                                                               expected: dict) -> None:
    """A new key after a list that ends the file and new items of that list share one
    place in the text; the items went after the key, outside the list."""
    assert data(apply(text, [Change(path, value) for path, value in changes])) == expected


def test_crlf_files_keep_their_line_breaks() -> None:
    crlf = DOC.replace("\n", "\r\n")
    after = apply(crlf, [Change(("map", "fr"), "a\nb"), Change(("title",), {"en": CURRENT,
                                                                           "es": "x"})])
    assert "\n" not in after.replace("\r\n", "")
    assert data(after)["map"]["fr"] == "a\nb"


def test_a_file_without_a_final_line_break() -> None:
    after = set_value("a: 1\nb: x", ("c",), "new")
    assert after == "a: 1\nb: x\nc: new"


@pytest.mark.parametrize("path, new", [
    (("indented",), "indented:\n  en: \"  starts with spaces\\nthen not\\n\"\n  es: x\n"),
    (("spaces",), "spaces:\n  en: |\n    text\n      \n  es: x\n\n\n"),
])
def test_block_texts_that_cannot_move_as_written_are_written_anew(path: tuple, new: str
                                                                   ) -> None:
    after = set_value(DOC, path, {"en": CURRENT, "es": "x"})
    start, end = DOC.index(path[0] + ":"), DOC.index(("spaces:", "last:")[path == ("spaces",)])
    assert after == DOC[:start] + new + DOC[end:]


def test_a_progress_update_is_appended_as_a_block() -> None:
    """The shape issue 6 needs: a mapping with nested maps and lists appended to a list."""
    text = ("milestones:\n  - number: 1\n    progress:   # newest last\n"
            "      - date: 2026-01-10\n        note:\n          en: Started\n"
            "    # next milestone\n  - number: 2\n    progress: []\n")
    update = {"date": "2026-06-30", "status": "completed",
              "note": {"en": "Done: all", "es": "Hecho\nya"}, "evidence": ["a.pdf"]}
    after = apply(text, [Change(("milestones", 0, "progress", 1), update),
                         Change(("milestones", 1, "progress", 0), {"date": "2026-07-01"})])
    assert after == text.replace("          en: Started\n", (
        "          en: Started\n      - date: 2026-06-30\n        status: completed\n"
        "        note:\n          en: \"Done: all\"\n          es: |-\n            Hecho\n"
        "            ya\n        evidence:\n          - a.pdf\n")).replace(
        "progress: []", "progress:\n      - date: 2026-07-01")


SCAFFOLD = ("# Every input received during co-creation\n#   - id: c001\n"
            "contributions: []   # none yet\nnext: 1\n")


@pytest.mark.parametrize("count", [2, 3, 25])
def test_entries_appended_to_an_empty_flow_list_become_a_block_list(count: int) -> None:
    """Issue 10: two entries or more into `contributions: []` failed the self-check (each
    was put right after `[` with no comma between them)."""
    entries = [{"id": f"input-{n:03d}", "summary": {"es": f"Texto {n}"}, "decision": "pending"}
               for n in range(1, count + 1)]
    after = apply(SCAFFOLD, [Change(("contributions", i), e) for i, e in enumerate(entries)])
    assert data(after)["contributions"] == entries
    assert after.startswith(SCAFFOLD.split("contributions:")[0])   # comments kept
    assert "contributions:   # none yet\n  - id: input-001\n    summary:\n      es: Texto 1\n" \
        "    decision: pending\n  - id: input-002\n" in after
    assert "{" not in after and "[" not in after and after.endswith("\nnext: 1\n")


@pytest.mark.parametrize("text, changes, written", [
    # scalars stay in flow, with commas between them
    ("a: []\n", [(("a", 0), 1), (("a", 1), 2), (("a", 2), "x, y")], 'a: [1, 2, "x, y"]\n'),
    ("a: {}\n", [(("a", "en"), "x"), (("a", "es"), "y")], 'a: {en: x, es: "y"}\n'),
    # inside flow, or as the whole document, containers stay in flow too
    ("a: {b: []}\n", [(("a", "b", 0), {"k": 1}), (("a", "b", 1), {"k": 2})],
     "a: {b: [{k: 1}, {k: 2}]}\n"),
    ("[]\n", [((0,), {"k": 1}), ((1,), {"k": 2})], "[{k: 1}, {k: 2}]\n"),
    # under a list dash, or on the line after its key, the block starts where `[]` was
    ("l:\n  - []\n", [(("l", 0, 0), {"k": 1}), (("l", 0, 1), {"k": 2})],
     "l:\n  - - k: 1\n    - k: 2\n"),
    ("a:   # note\n  {}\n", [(("a", "x"), {"k": 1}), (("a", "z"), [2])],
     "a:   # note\n  x:\n    k: 1\n  z:\n    - 2\n"),
    ("a: []\r\nb: 1\r\n", [(("a", 0), {"k": 1}), (("a", 1), {"k": 2})],
     "a:\r\n  - k: 1\r\n  - k: 2\r\nb: 1\r\n"),
])
def test_several_values_added_to_an_empty_flow(text: str, changes: list, written: str
                                                ) -> None:
    assert apply(text, [Change(path, value) for path, value in changes]) == written


# -- refusals -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, path", [
    ("a: &x hi\nb: *x\n", ("b",)),                 # an alias would change the anchor too
    ("a: &x hi\nb: *x\n", ("a",)),
    ("a: {en: x}\n", ("a",)),                       # a whole mapping is not replaced
    ("a: 1\na: 2\n", ("a",)),                       # a duplicate key (a problem)
    ("? a\n", ("a",)),                              # an explicit key with no value
    ("a: [b\n", ("a",)),                            # cannot be read
])
def test_what_cannot_be_edited_is_refused(text: str, path: tuple) -> None:
    with pytest.raises(UneditableError):
        set_value(text, path, "new")


def test_two_changes_to_one_value_are_a_caller_error() -> None:
    with pytest.raises(ValueError):
        apply(DOC, [Change(("title",), "a"), Change(("title",), "b")])


def test_control_characters_are_never_written() -> None:
    with pytest.raises(ValueError):
        set_value(DOC, ("title",), "bell\x07")


def test_the_self_check_stops_a_wrong_edit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlrender, "scalar", lambda value: "yes")   # a broken writer
    with pytest.raises(SelfCheckError):
        set_value(DOC, ("title",), "anything")


# -- properties -----------------------------------------------------------------------------

#: Every text a record may hold: no control character (R003), no directional character
#: that could reorder it (R013), which every edit refuses (`source.bidi.text_fault`).
TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60).filter(
    lambda text: text_fault(text) is None)
MULTILINE = st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
                     min_size=2, max_size=5).map("\n".join).filter(
    lambda text: text_fault(text) is None)
#: Every place a text can be written, with the lines the edit may touch.
PLACES = {
    ("title",): ("title:", "title:"), ("empty",): ("empty:", "empty:"),
    ("tilde",): ("tilde:", "tilde:"), ("quoted",): ("quoted:", "quoted:"),
    ("double",): ("double:", "double:"), ("block",): ("block:", "  after a blank"),
    ("folded",): ("folded:", "  folded over"), ("map", "en"): ("  en: Open con", "  en: Open c"),
    ("map", "es"): ("  es:", "  es:"), ("map", "fr"): ("  es:", "  es:"),
    ("flow", "es"): ("flow:", "flow:"), ("empty-flow", "es"): ("empty-flow:", "empty-flow:"),
    ("next-line",): ("  Open", "  data"), ("items", 0): ("  - one", "  - one"),
    ("items", 1): ("  - |", "    two"), ("items", 2): ("    two", "    two"),
    ("nested", "role", "es"): ("    en: Coordinates", "    en: Coordinates"),
    ("last",): ("last:", "last:"), ("new-key",): ("last:", "last:"),
    ("indented",): ("indented:", "  then not"), ("spaces",): ("spaces:", "last:"),
}


def _read_back(path: tuple, value, after: str) -> None:
    expected = data(DOC)
    parent = expected
    for step in path[:-1]:
        parent = parent[step]
    if isinstance(parent, list) and path[-1] == len(parent):
        parent.append(value)
    else:
        parent[path[-1]] = value
    assert data(after) == expected


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(sorted(PLACES, key=str)), text=st.one_of(TEXTS, MULTILINE),
       crlf=st.booleans())
def test_any_text_reads_back_exactly_and_nothing_else_changes(place: tuple, text: str,
                                                              crlf: bool) -> None:
    source = DOC.replace("\n", "\r\n") if crlf else DOC
    after = set_value(source, place, text)
    _read_back(place, text, after.replace("\r\n", "\n") if crlf else after)
    first, last = (line_of(DOC, needle) for needle in PLACES[place])
    start, end = lines_changed(source, after)
    assert first <= start and end <= last, (start, end)


@settings(max_examples=200, deadline=None)
@given(place=st.sampled_from([("title",), ("folded",), ("next-line",), ("items", 0),
                              ("items", 1), ("block",), ("last",), ("indented",),
                              ("spaces",)]),
       text=st.one_of(TEXTS, MULTILINE))
def test_any_text_can_join_a_plain_text_as_a_language_map(place: tuple, text: str) -> None:
    old = data(DOC)
    for step in place:
        old = old[step]
    after = set_value(DOC, place, {"en": CURRENT, "es": text})
    _read_back(place, {"en": old, "es": text}, after)
    first, last = (line_of(DOC, needle) for needle in PLACES[place])
    start, end = lines_changed(DOC, after)
    assert first <= start and end <= last


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(TEXTS, MULTILINE), indent=st.integers(1, 8))
def test_literal_blocks_are_only_used_when_they_read_back(text: str, indent: int) -> None:
    block = yamlrender.literal(text, indent)
    if block is not None:
        assert parse_yaml("k: " + block + "\n").data == {"k": text}


def test_an_edit_the_loader_would_refuse_for_its_size_is_not_made() -> None:
    """Issue 11: no command writes a file over the loader's 2 MiB (R008)."""
    from ogpctl.edit.yamltext import TooLargeError
    from ogpctl.source.text import MAX_FILE_BYTES

    text = "notes: []\n"
    big = "x" * (MAX_FILE_BYTES // 2)
    assert len(apply(text, [Change(("notes", 0), big)])) < MAX_FILE_BYTES
    with pytest.raises(TooLargeError) as raised:
        apply(text, [Change(("notes", 0), big), Change(("notes", 1), big)])
    assert raised.value.size > MAX_FILE_BYTES and "R008" in str(raised.value)


#: Whole numbers a record may hold: the loader reads larger ones as text and reports them
#: (F103), so the editor is never asked to write one.
RECORD_INTEGERS = st.integers(-(2**53 - 1), 2**53 - 1)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(st.one_of(
           TEXTS, MULTILINE, RECORD_INTEGERS, st.booleans(), st.none(),
           st.dictionaries(st.sampled_from(["id", "summary", "from", "en"]),
                           st.one_of(TEXTS, MULTILINE, st.dictionaries(
                               st.sampled_from(["en", "es"]), TEXTS, max_size=2)),
                           max_size=3)), min_size=1, max_size=6),
       holder=st.sampled_from(["list: []  # none\n", "list:\n  []\n", "top:\n  - []\n",
                               "x: 1\nlist: []\ny: 2\n"]))
def test_any_entries_appended_to_an_empty_flow_list_read_back(entries: list, holder: str
                                                              ) -> None:
    path = ("top", 0) if holder.startswith("top") else ("list",)
    after = apply(holder, [Change(path + (i,), e) for i, e in enumerate(entries)])
    result = data(after)
    assert (result["top"][0] if path[0] == "top" else result["list"]) == entries
