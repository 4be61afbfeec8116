"""Check results in the formats the code forges read: SARIF 2.1.0 for GitHub code
scanning, and GitLab's Code Quality report (a subset of the Code Climate issue format),
which GitLab shows in the merge request. Paths are from the top of the git repository (the
checkout; SARIF's %SRCROOT%), else from the record's root, as in the GitHub annotations
(`ogpctl.check.report.repository_paths`), wherever ogpctl is run from."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from ogpctl import __version__
from ogpctl.base.diagnostics import Diagnostic, Severity
from ogpctl.check.report import repository_paths
from ogpctl.check.run import CheckResult

if TYPE_CHECKING:
    from ogpctl.rules import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: Code Quality's severities are info, minor, major, critical and blocker.
_QUALITY_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
#: Code Climate's categories, which GitLab reads but does not show.
_CATEGORY = {Severity.ERROR: "Bug Risk", Severity.WARNING: "Clarity", Severity.INFO: "Clarity"}


def fingerprints(result: CheckResult) -> list[str]:
    """A stable id for each finding, kept when lines above it move: its code, file and
    message, and its place among findings with the same three."""
    seen: Counter[tuple[str, str, str]] = Counter()
    found = []
    for item in result.diagnostics:
        key = (item.code, item.file, item.message)
        text = "\x1f".join((*key, str(seen[key])))
        seen[key] += 1
        found.append(hashlib.sha256(text.encode("utf-8")).hexdigest()[:32])
    return found


def to_sarif(result: CheckResult) -> str:
    from ogpctl.rules import catalogue

    paths = repository_paths(result)
    rules = catalogue()
    used = sorted({d.code for d in result.diagnostics})
    index = {code: number for number, code in enumerate(used)}
    results = [_sarif_result(d, paths(d), index[d.code], fingerprint)
               for d, fingerprint in zip(result.diagnostics, fingerprints(result), strict=True)]
    driver = {"name": "ogpctl", "version": __version__, "semanticVersion": __version__,
              "rules": [_sarif_rule(code, rules.get(code)) for code in used]}
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": driver}, "results": results,
                     "columnKind": "unicodeCodePoints"}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_rule(code: str, rule: Rule | None) -> dict[str, Any]:
    if rule is None:   # a code outside the catalogue (none today): still described
        return {"id": code}
    return {"id": code, "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.explanation or rule.summary},
            "help": {"text": f"ogpctl explain {code}"},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            "properties": {"tags": [rule.family],
                           **({"handbook": rule.handbook} if rule.handbook else {})}}


def _sarif_result(d: Diagnostic, path: str, rule_index: int, fingerprint: str
                  ) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": path,
                                                     "uriBaseId": "%SRCROOT%"}}
    if d.line:
        location["region"] = {"startLine": d.line, "startColumn": d.column or 1}
    message = f"{d.message} (handbook {d.handbook})" if d.handbook else d.message
    return {"ruleId": d.code, "ruleIndex": rule_index, "level": _SARIF_LEVEL[d.severity],
            "message": {"text": message}, "locations": [{"physicalLocation": location}],
            "partialFingerprints": {"ogpctlFinding/v1": fingerprint}}


def to_codequality(result: CheckResult) -> str:
    """GitLab's Code Quality report: a JSON array of issues."""
    paths = repository_paths(result)
    issues = []
    for d, fingerprint in zip(result.diagnostics, fingerprints(result), strict=True):
        message = f"{d.message} (handbook {d.handbook})" if d.handbook else d.message
        issues.append({"type": "issue", "check_name": d.code, "description": message,
                       "categories": [_CATEGORY[d.severity]], "fingerprint": fingerprint,
                       "severity": _QUALITY_SEVERITY[d.severity],
                       "location": {"path": paths(d),
                                    "lines": {"begin": d.line or 1}}})
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
