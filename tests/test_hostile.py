"""Hostile and broken input: every problem is a diagnostic with a position, never a
traceback, and nothing explodes in time or memory."""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path

import pytest

from ogpctl.check.run import CheckOptions, check
from tests.conftest import TODAY, run

COMMITMENT = "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"

BOMB = "a: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
    for i in range(8))

#: name -> (bytes of the file, expected code, expected line)
HOSTILE: dict[str, tuple[bytes, str, int]] = {
    "syntax": (b"title: [Open contracting\nlead: x\n", "R001", 1),   # where [ opened
    "unclosed-quote": (b'title:\n  en: "Open contracting\nlead: x\nkind: regular\n', "R001", 2),
    "two-documents": (b"title: a\n---\ntitle: b\n", "R001", 2),
    "utf16": ("title: x\n".encode("utf-16"), "R002", 1),
    "utf16-no-bom": ("title: x\n".encode("utf-16-le"), "R002", 1),
    "latin1": ("title: café\n".encode("latin-1"), "R002", 1),
    "nul": (b"title: a\x00b\n", "R003", 1),
    "raw-control": (b"title: ok\nlead: a\x07b\n", "R003", 2),
    "escaped-control": (b'title: ok\nlead: "a\\x07b"\n', "R003", 2),
    "escaped-nul": (b'title: "a\\0b"\n', "R003", 1),
    "lone-surrogate": (b'title: ok\nlead: "\\ud800"\n', "R003", 2),
    "duplicate-key": (b"title: a\nlead: x\ntitle: b\n", "R004", 3),
    "duplicate-key-nfc": ("title: a\ncaf\u00e9: 1\ncafe\u0301: 2\n".encode(), "R004", 3),
    "python-tag": (b"title: !!python/object/apply:os.system ['ls']\n", "R005", 1),
    "local-tag": (b"title: ok\nlead: !secret x\n", "R005", 2),
    "alias": (b"title: &t Open\nbrief-description: *t\n", "R006", 2),
    "billion-laughs": (BOMB.encode(), "R006", 2),
    "deep-flow": (b"title: " + b"[" * 100_000, "R007", 1),
    "deep-flow-spaced": (b"title: " + b"[ " * 50_000, "R007", 1),
    "deep-block": ("".join(" " * i + "a:\n" for i in range(200)).encode(), "R007", 65),
    "deep-sequence": (b"title: x\nmilestones:\n" + b"  " + b"- " * 3000 + b"x\n", "R007", 3),
    "key-not-text": (b"title: x\n2026: first year\n", "R009", 2),
    "impossible-feb-30": (b"title: x\nmilestones:\n  - {number: 1, due: 2025-02-30}\n", "F104", 3),
    "impossible-month-13": (b"title: x\nmilestones:\n  - number: 1\n    due: 2025-13-01\n",
                            "F104", 4),
    "empty-file": (b"", "F103", 1),
    "comment-only": (b"# nothing yet\n", "F103", 1),
    "scalar-document": (b"just a sentence\n", "F103", 1),
    "list-document": (b"- title: x\n", "F103", 1),
    "yaml-1.1-directive": (b"%YAML 1.1\n---\ntitle: x\nkind: no\n", "F103", 4),
}


def _write(sample: Path, data: bytes) -> Path:
    target = sample / COMMITMENT
    target.write_bytes(data)
    return target


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_a_diagnostic(sample: Path, name: str) -> None:
    data, code, line = HOSTILE[name]
    _write(sample, data)
    started = time.perf_counter()
    result = check([sample], CheckOptions(today=TODAY, use_cache=False, jobs=1))
    assert time.perf_counter() - started < 20  # a guard against blow-ups, not a benchmark
    found = [(d.code, d.line) for d in result.diagnostics if d.file == COMMITMENT]
    assert (code, line) in found, found
    assert result.exit_code() == 1


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
@pytest.mark.parametrize("name", ["billion-laughs", "deep-flow", "utf16", "python-tag"])
def test_hostile_file_in_every_format(sample: Path, capsys, name: str, fmt: str) -> None:
    _write(sample, HOSTILE[name][0])
    code, out, err = run(capsys, "check", sample, "--format", fmt, "--today", "2026-11-23",
                         "--no-cache")
    assert code == 1, err
    assert "Traceback" not in out + err
    assert HOSTILE[name][1] in out


def test_oversized_file_is_refused_without_reading_it(sample: Path) -> None:
    target = _write(sample, b"title: x\n" + b"# padding\n" * 300_000)
    assert target.stat().st_size > 2 * 1024 * 1024
    result = check([sample], CheckOptions(today=TODAY, use_cache=False))
    assert ("R008", COMMITMENT) in {(d.code, d.file) for d in result.diagnostics}


def test_symlinked_record_file_is_not_followed(sample: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: secret\n")
    target = sample / COMMITMENT
    target.unlink()
    target.symlink_to(secret)
    result = check([sample], CheckOptions(today=TODAY, use_cache=False))
    assert ("R012", COMMITMENT) in {(d.code, d.file) for d in result.diagnostics}


@pytest.mark.parametrize("evidence,code", [
    ("../../../../etc/passwd", "F116"),
    ("/etc/passwd", "F116"),
    ("C:\\\\Windows\\\\win.ini", "F116"),
    (".git/config", "F116"),
    ("evidence/../../../ogp.yaml", "F116"),
    ("javascript:alert(1)", "F116"),
    ("file:///etc/passwd", "F116"),
    ("evidence/no-such-file.pdf", "F115"),
])
def test_evidence_paths_that_leave_the_record(sample: Path, evidence: str, code: str) -> None:
    target = sample / COMMITMENT
    text = target.read_text(encoding="utf-8")
    target.write_text(text + f"evidence:\n  - {json.dumps(evidence)}\n", encoding="utf-8")
    result = check([sample], CheckOptions(today=TODAY, use_cache=False))
    codes = {(d.code, d.file) for d in result.diagnostics}
    assert (code, COMMITMENT) in codes, codes


def test_symlinked_evidence_is_refused(sample: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("not evidence")
    link = sample / "plans/2026-2030/evidence/process/link.txt"
    link.symlink_to(outside)
    target = sample / COMMITMENT
    target.write_text(target.read_text(encoding="utf-8")
                      + "evidence:\n  - evidence/process/link.txt\n", encoding="utf-8")
    result = check([sample], CheckOptions(today=TODAY, use_cache=False))
    assert ("F116", COMMITMENT) in {(d.code, d.file) for d in result.diagnostics}


def test_alias_bomb_memory_stays_flat(sample: Path) -> None:
    _write(sample, BOMB.encode() * 1)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    check([sample], CheckOptions(today=TODAY, use_cache=False))
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100_000


def test_yaml_12_meaning_whatever_the_directive(tmp_path: Path) -> None:
    from ogpctl.source.yaml import parse_yaml

    plain = "a: no\nb: 010\nc: 12:30\nd: on\n"
    for text in ("%YAML 1.1\n---\n" + plain, plain):
        parsed = parse_yaml(text)
        assert parsed.data == {"a": "no", "b": 10, "c": "12:30", "d": "on"}, text


def test_fast_and_precise_paths_agree() -> None:
    from ogpctl.source.yaml import parse_precise, parse_yaml

    sample = Path(__file__).resolve().parents[1] / "sample-country"
    for path in sorted(sample.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert parse_yaml(text).data == parse_precise(text).data, path


def test_unreadable_file_is_a_diagnostic(sample: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop reading")
    target = sample / COMMITMENT
    target.chmod(0)
    result = check([sample], CheckOptions(today=TODAY, use_cache=False))
    assert ("R001", COMMITMENT) in {(d.code, d.file) for d in result.diagnostics}


def test_both_composers_give_the_same_positions() -> None:
    """Positions must not depend on whether ruamel's C extension is installed."""
    from ogpctl.source.positions import _compose_pure, compose, locate
    from ogpctl.source.yaml import parse_yaml

    def paths(node, path=()):
        yield path
        if type(node).__name__ == "MappingNode":
            for key, value in node.value:
                yield from paths(value, path + (key.value,))
        elif type(node).__name__ == "SequenceNode":
            for index, value in enumerate(node.value):
                yield from paths(value, path + (index,))

    from tests.casefiles import BASE, case_texts

    root = Path(__file__).resolve().parents[1]
    texts = {str(path): path.read_bytes() for folder in (root / "sample-country", BASE)
             for path in folder.rglob("*.yaml")}
    texts |= {name: data for name, data in case_texts().items() if name.endswith(".yaml")}
    for file, data in texts.items():   # the rule cases as they are built
        text = data.decode("utf-8")
        if not parse_yaml(text).ok:   # positions are only looked up in files that parsed
            continue
        fast, pure = compose(text), _compose_pure(text)
        if fast is None or pure is None:
            continue
        for path in paths(fast):
            for key in (False, True):
                assert locate(fast, path, key) == locate(pure, path, key), (file, path, key)


def test_invalid_language_leaves_the_valid_ones(sample: Path, capsys, tmp_path: Path) -> None:
    """An administrative language that is not a code is reported (F103); the record's
    languages are the valid ones, and render and site, which publish no record `check`
    reports as invalid (tests/test_unusable_files.py), refuse it naming the finding instead
    of crashing or writing outside their folder."""
    ogp = sample / "ogp.yaml"
    text = ogp.read_text(encoding="utf-8")
    ogp.write_text(text.replace("administrative: [es]", 'administrative: [es, "../../x"]'),
                   encoding="utf-8")
    assert "../../x" in ogp.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "check", sample, "--today", "2026-11-23", "--no-cache")
    assert code == 1 and "F103" in out and "../../x" in out
    from ogpctl.record.load import load_record

    assert load_record(sample).languages.required == ("en", "es")
    code, out, err = run(capsys, "render", "action-plan", "-C", sample, "--plan", "2026-2030",
                         "-f", "md", "-o", tmp_path / "out", "--today", "2026-11-23")
    assert code == 1 and "ogp.yaml:" in err and "F103" in err, err
    assert not (tmp_path / "out").exists()
    code, out, err = run(capsys, "site", "-C", sample, "-o", tmp_path / "site", "--formats",
                         "none", "--no-search", "--today", "2026-11-23")
    assert code == 1 and "ogp.yaml:" in err and "F103" in err, err
    assert not (tmp_path / "site").exists() and not (tmp_path / "x").exists()


def test_long_plan_title_in_docx(sample: Path, capsys, tmp_path: Path) -> None:
    """Word keeps at most 255 characters in a core property: the title there is cut, the
    document shows it whole."""
    from docx import Document as Word

    plan = sample / "plans/2026-2030/plan.yaml"
    long_title = "Open Government " * 30
    data = plan.read_text(encoding="utf-8")
    start = data.index("title:")
    end = data.index("\n", data.index("en:", start))
    plan.write_text(data[:start] + f"title:\n  en: {long_title.strip()}" + data[end:],
                    encoding="utf-8")
    code, _, err = run(capsys, "render", "action-plan", "-C", sample, "--plan", "2026-2030",
                       "-f", "docx", "--lang", "en", "-o", tmp_path, "--today", "2026-11-23")
    assert code == 0, err
    word = Word(str(tmp_path / "2026-2030-action-plan.en.docx"))
    assert len(word.core_properties.title) == 255
    assert word.core_properties.title.endswith("…")
    assert any(p.text == long_title.strip() for p in word.paragraphs)


def test_language_babel_does_not_know(sample: Path, capsys, tmp_path: Path) -> None:
    """Language codes of the right shape that Babel has no locale for (qaa, ix-VkZ0): the
    site is built (English formats for them), a PO export says it cannot name the
    language in one line, XLIFF works."""
    ogp = sample / "ogp.yaml"
    ogp.write_text(ogp.read_text(encoding="utf-8").replace(
        "administrative: [es]", "administrative: [es, qaa, ix-VkZ0]"), encoding="utf-8")
    code, _, err = run(capsys, "site", "-C", sample, "-o", tmp_path / "site", "--formats",
                       "none", "--no-search", "--today", "2026-11-23")
    assert code == 0, err
    assert (tmp_path / "site" / "qaa" / "index.html").is_file()
    code, _, err = run(capsys, "translate", "export", "-C", sample, "-l", "ix-VkZ0", "-f", "po")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "xliff" in err, err
    code, out, err = run(capsys, "translate", "export", "-C", sample, "-l", "ix-VkZ0", "-f",
                         "xliff")
    assert code == 0 and "<xliff" in out, err
