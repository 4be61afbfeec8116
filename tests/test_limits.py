"""Resource limits: a record file built to be slow to check, render or parse is checked in
time linear in its size, and its findings are bounded (see docs/security.md)."""

from __future__ import annotations

import time
from pathlib import Path

from ogpctl.check.run import CheckOptions, check
from tests.conftest import TODAY

COMMITMENT = "plans/2026-2030/commitments/01-public-works-open-contracting.yaml"


def _append(sample: Path, text: str) -> Path:
    target = sample / COMMITMENT
    target.write_text(target.read_text(encoding="utf-8") + text, encoding="utf-8")
    assert target.stat().st_size < 2 * 1024 * 1024   # under the size cap: it is read
    return target


def _timed_check(sample: Path) -> tuple[float, list]:
    started = time.perf_counter()
    result = check([sample], CheckOptions(today=TODAY, use_cache=False, jobs=1))
    return time.perf_counter() - started, [d for d in result.diagnostics if d.file == COMMITMENT]


def test_200000_unknown_keys_check_in_linear_time(sample: Path) -> None:
    # Was 27 s for 20,000 keys (a position lookup scanning every key a finding) and did not
    # finish for 200,000. Measured about 1.5 s on the development machine.
    _append(sample, "".join(f"k{i:x}: 1\n" for i in range(200_000)))
    seconds, found = _timed_check(sample)
    assert seconds < 10, seconds
    unknown = [d for d in found if d.code == "F102"]
    assert len(unknown) == 101
    assert unknown[0].line > 1 and 'unknown field "k0"' in unknown[0].message
    assert unknown[-1].message.startswith("... and 199,900 more unknown fields here")
    assert unknown[-1].line == unknown[-2].line + 1


def test_many_findings_of_one_rule_are_bounded_per_file(sample: Path) -> None:
    text = (sample / COMMITMENT).read_text(encoding="utf-8")
    (sample / COMMITMENT).write_text(text.replace("\nmilestones:", "\nold-milestones:", 1)
                                     + "milestones:\n" + "- {x: 1}\n" * 50_000, encoding="utf-8")
    seconds, found = _timed_check(sample)
    assert seconds < 20, seconds
    by_code: dict[str, list] = {}
    for item in found:
        by_code.setdefault(item.code, []).append(item)
    assert len(by_code["S241"]) == 101
    assert by_code["S241"][-1].message.startswith("... and 49,900 more S241 findings")
    assert any("after the first 1,000 items" in d.message for d in by_code["F103"])


def test_a_huge_language_map_is_one_finding_not_a_quadratic_blow_up(sample: Path) -> None:
    # jsonschema-rs explains a oneOf over a mapping of n keys in n² time and memory:
    # 4,000 language keys took six seconds, 150,000 exhausted memory.
    text = (sample / COMMITMENT).read_text(encoding="utf-8")
    (sample / COMMITMENT).write_text(text.replace("\ntitle:", "\nold-title:", 1) + "title:\n"
                                     + "".join(f"  l{i:x}: t\n" for i in range(20_000)),
                                     encoding="utf-8")
    seconds, found = _timed_check(sample)
    assert seconds < 10, seconds
    assert any(d.code == "F103" and "this mapping has 20,000 keys" in d.message for d in found)


def test_positions_of_many_findings_are_found_in_one_pass() -> None:
    from ogpctl.source.positions import Locator, compose

    text = "".join(f"k{i}: {i}\n" for i in range(50_000))
    where = Locator(compose(text))
    started = time.perf_counter()
    lines = [where.locate((f"k{i}",), True)[0] for i in range(50_000)]
    assert time.perf_counter() - started < 2
    assert lines == list(range(1, 50_001))


SECTION = "plans/2026-2030/sections/introduction.en.md"
#: Markdown that markdown-it-py parses at its slowest: 650 KB of it took 9 s to render.
PATHOLOGICAL = "[" * 300_000 + "\n\n|a|b|\n|-|-|\n" + "|x|y|\n" * 60_000


def _render_html(capsys, sample: Path, out: Path) -> tuple[int, float]:
    from tests.conftest import run

    started = time.perf_counter()
    code, _, err = run(capsys, "render", "action-plan", "--plan", "2026-2030", "-C", sample,
                       "-f", "html", "-o", out, "--today", "2026-11-23", "--force")
    assert "Traceback" not in err, err
    return code, time.perf_counter() - started


def test_pathological_markdown_renders_in_bounded_time(sample: Path, tmp_path: Path,
                                                       capsys) -> None:
    (sample / SECTION).write_text(PATHOLOGICAL, encoding="utf-8")
    code, seconds = _render_html(capsys, sample, tmp_path / "out")
    assert code == 0 and seconds < 10, seconds
    html = (tmp_path / "out" / "2026-2030-action-plan.en.html").read_text(encoding="utf-8")
    assert "[[[[" in html and "|x|y|" in html   # shown as plain text
    result = check([sample], CheckOptions(today=TODAY, use_cache=False, jobs=1))
    assert [(d.code, d.line) for d in result.diagnostics if d.file == SECTION] == [("R015", 1)]


def test_a_long_field_is_reported_and_shown_plain(sample: Path) -> None:
    from ogpctl.render.blocks import Paragraph, Text
    from ogpctl.render.prose import parse

    text = "**bold** " * 8_000
    assert parse(text) == [Paragraph((Text(text.strip()),))]   # the marks shown as written
    _append(sample, f"long-field-test: {text!r}\n".replace("'", '"'))
    result = check([sample], CheckOptions(today=TODAY, use_cache=False, jobs=1))
    assert "R015" in {d.code for d in result.diagnostics if d.file == COMMITMENT}


def test_deeply_nested_emphasis_renders(sample: Path, tmp_path: Path, capsys) -> None:
    # The syntax tree is built by recursion: 1,000 nested marks raised RecursionError.
    (sample / SECTION).write_text("*" * 2_000 + "deep" + "*" * 2_000 + "\n", encoding="utf-8")
    code, _ = _render_html(capsys, sample, tmp_path / "out")
    assert code == 0
    html = (tmp_path / "out" / "2026-2030-action-plan.en.html").read_text(encoding="utf-8")
    assert "deep" in html
