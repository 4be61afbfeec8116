"""The error hierarchy. Expected failures subclass `OgpctlError`; the CLI turns them into a
one-line message and exit code 2. Anything else is a bug (exit code 3, with a traceback)."""

from __future__ import annotations


class OgpctlError(Exception):
    """Base of every error ogpctl raises on purpose."""

    exit_code = 2


class UsageError(OgpctlError, ValueError):
    """A command was called with arguments that cannot work."""


class NotARecordError(OgpctlError, FileNotFoundError):
    """The path is not inside a country record (no ogp.yaml above it)."""


class RecordWriteError(OgpctlError, OSError):
    """A write was refused to keep existing data safe."""


class OgpctlWarning(UserWarning):
    """Something a command did but could not do well (a PDF without a font for its text);
    the CLI says it as one line on standard error, a Python caller gets a `warnings`
    warning."""
