"""Generated records: the small complete record of tests/cases/_base with hostile values put
in many fields at once (huge numbers, .nan and .inf, long and control-laden texts, odd
language codes, year 0 and other edge dates). Every command works on what is valid or
stops with a one-line message, never a traceback; `check` reports on every such record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ogpctl.record.load import load_record
from ogpctl.source import frontmatter
from ogpctl.source.yaml import parse_yaml
from tests.gitrecord import committed_sample
from tests.test_broken_records import PLAN, TODAY, assert_survives
from tests.test_cases import BASE

COMMITMENT = f"plans/{PLAN}/commitments/01-open-contracting.yaml"
MEETING = "forum/meetings/2026-06-17-action-plan-validation.md"


class Raw(str):
    """A YAML token written as it is (a number such as .nan or 5,000 nines)."""


numbers = st.one_of(
    st.integers(16, 6000).map(lambda n: Raw("9" * n)),
    st.sampled_from([Raw(t) for t in (".nan", ".NaN", ".inf", "-.Inf", "1e999", "-1e400",
                                      "0x" + "f" * 30, "0o" + "7" * 30, "9007199254740992",
                                      "0", "-1", "1.5", "1e300")]),
    st.integers(-10 ** 30, 10 ** 30))
characters = st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200f", "\u202e", "\ufeff", "\ufffe",
     "\u0301", "<", "&", "\"", "\\", "{", "\n", "\t"])
texts = st.one_of(
    st.text(characters, max_size=80),
    st.integers(256, 5000).map(lambda n: ("Open contracting " * (n // 17 + 1))[:n]),
    st.sampled_from(["", " ", "<script>alert(1)</script>", "{{ 7 * 7 }}", "# heading",
                     "| a | b |", "[link](javascript:alert(1))", "=1+1", "---", "%YAML 1.1"]))
languages = st.one_of(
    st.sampled_from(["../../x", "EN", "zz", "qaa", "x-klingon", "", " ", "es\n", "ar", "he",
                     "zh-Hant-TW", "a" * 40, "<b>", "en-", "sr-Latn", "fr"]),
    st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}", fullmatch=True))
dates = st.one_of(
    st.sampled_from(["0000-01-01", "0001-01-01", "9999-12-31", "2026-02-29", "2024-02-29",
                     "2026-13-01", "1900-01-01", "2026-6-30"]),
    st.dates().map(lambda d: d.isoformat()))
anything = st.one_of(numbers, texts, dates, languages)

#: (file, path inside its data, values to try there)
TARGETS: list[tuple[str, tuple, Any]] = [
    ("ogp.yaml", ("languages", "default"), languages),
    ("ogp.yaml", ("languages", "administrative"), st.lists(languages, max_size=3)),
    ("ogp.yaml", ("country", "es"), texts),
    ("ogp.yaml", ("member-since",), dates),
    (f"plans/{PLAN}/plan.yaml", ("title", "en"), texts),
    (f"plans/{PLAN}/plan.yaml", ("title", "es"), texts),
    (f"plans/{PLAN}/plan.yaml", ("due-year",), numbers),
    (f"plans/{PLAN}/plan.yaml", ("length",), numbers),
    (f"plans/{PLAN}/plan.yaml", ("delivered",), dates),
    (f"plans/{PLAN}/co-creation.yaml", ("outreach", 0, "participants"), numbers),
    (f"plans/{PLAN}/co-creation.yaml", ("stages", 0, "starts"), dates),
    (COMMITMENT, ("title", "en"), texts),
    (COMMITMENT, ("title", "es"), texts),
    (COMMITMENT, ("brief-description", "es"), texts),
    (COMMITMENT, ("milestones", 0, "number"), numbers),
    (COMMITMENT, ("milestones", 0, "due"), dates),
    (COMMITMENT, ("milestones", 1, "title", "es"), texts),
    (COMMITMENT, ("milestones", 1, "due"), anything),
    (COMMITMENT, ("lead",), anything),
    (COMMITMENT, ("values",), st.lists(anything, max_size=3)),
    (COMMITMENT, ("period",), st.fixed_dictionaries({"start": dates, "end": dates})),
    (f"plans/{PLAN}/contributions.yaml", ("contributions", 0, "received"), dates),
    (f"plans/{PLAN}/contributions.yaml", ("contributions", 0, "summary", "es"), texts),
    (f"plans/{PLAN}/contributions.yaml", ("contributions", 0, "commitments"),
     st.lists(anything, max_size=2)),
    ("forum/forum.yaml", ("members", 0, "from"), dates),
    ("forum/forum.yaml", ("members", 0, "stakeholder"), anything),
    ("stakeholders.yaml", ("stakeholders", 0, "name", "es"), texts),
    ("stakeholders.yaml", ("stakeholders", 1, "id"), anything),
    (MEETING, ("date",), dates),
    (MEETING, ("title", "en"), texts),
]

changes = st.lists(st.tuples(st.integers(0, len(TARGETS) - 1), st.data()), min_size=1,
                   max_size=10)


def flow(value: Any) -> str:
    """JSON-like flow YAML (valid YAML 1.2); Raw tokens are written as they are."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def put(record: Path, name: str, path: tuple, value: Any) -> None:
    file = record / name
    text = file.read_text(encoding="utf-8")
    split = frontmatter.split(text) if name.endswith(".md") else None
    data = parse_yaml(split.yaml if split else text).data
    node = data
    try:
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
    except (TypeError, KeyError, IndexError):
        return   # an earlier draw made the file something else (a raw text, a list): keep it
    written = flow(data) + "\n"
    file.write_text(f"---\n{written}---\n{split.body}" if split else written, encoding="utf-8")


def generated_commands(record: Path, out: Path) -> list[list[str]]:
    """The commands of tests/test_broken_records.py, with the documents in each format
    once (those tests render every document in every format over every broken case), and
    a translation export into every language of the record."""
    exports = [["translate", "export", "-C", str(record), "-l", lang, "-f", fmt, *TODAY]
               for lang in load_record(record).languages.required for fmt in ("po", "xliff")]
    return [*exports,
        ["check", str(record), "--no-cache", *TODAY], ["status", str(record), "-f", "json", *TODAY],
        ["deadlines", str(record), "-f", "ics", *TODAY], ["index", str(record)],
        ["progress", "export", "-C", str(record), *TODAY],
        ["diff", "-C", str(record)],
        ["site", "-C", str(record), "-o", str(out / "site"), "--formats", "none", "--no-search",
         *TODAY],
        *(["render", "action-plan", "-C", str(record), "--plan", PLAN, "-f", fmt, "-o",
           str(out / "rendered"), "--force", *TODAY] for fmt in ("md", "html", "docx")),
        ["render", "self-assessment", "-C", str(record), "--plan", PLAN, "-f", "html", "-o",
         str(out / "rendered"), "--force", *TODAY]]


@pytest.fixture(scope="module")
def base_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return committed_sample(BASE, tmp_path_factory.mktemp("generated") / "base")


# An example runs a dozen commands (about a second): a few examples, and no shrinking,
# keep the test short; a failure prints the record's changes to reproduce it.
@settings(max_examples=6, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(changes)
def test_generated_record_never_raises(base_repository: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str], chosen: list) -> None:
    record = tmp_path / "record"
    shutil.rmtree(record, ignore_errors=True)
    shutil.copytree(base_repository, record)
    for index, data in chosen:
        name, path, values = TARGETS[index]
        put(record, name, path, data.draw(values))
    for argv in generated_commands(record, tmp_path / "out"):
        assert_survives(capsys, argv)
