"""ogpctl: keep a country's Open Government Partnership record in git.

The public API is small; everything else is private to the package::

    from ogpctl import check, CheckOptions
    result = check(["sample-country"], CheckOptions())
    for diagnostic in result.diagnostics:
        print(diagnostic.file, diagnostic.line, diagnostic.code, diagnostic.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["CheckOptions", "CheckResult", "Diagnostic", "Severity", "check", "load_record"]

if TYPE_CHECKING:
    from ogpctl.base.diagnostics import Diagnostic, Severity
    from ogpctl.check.run import CheckOptions, CheckResult, check
    from ogpctl.record.load import load_record

_LAZY = {
    "CheckOptions": "ogpctl.check.run",
    "CheckResult": "ogpctl.check.run",
    "check": "ogpctl.check.run",
    "Diagnostic": "ogpctl.base.diagnostics",
    "Severity": "ogpctl.base.diagnostics",
    "load_record": "ogpctl.record.load",
}


def __getattr__(name: str) -> Any:
    # Lazy so that `import ogpctl` (and `ogpctl --help`) stays fast.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ogpctl' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
