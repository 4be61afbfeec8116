"""`ogpctl review`."""

from __future__ import annotations

import json
import os
import re
import string
from pathlib import Path

import typer

from ogpctl.cli.application import app
from ogpctl.cli.options import HERE, Record, Today, format_option, lang_option


@app.command()
def review(
    revs: list[str] | None = typer.Argument(None, metavar="[BASE [HEAD]]",
                                            help="BASE [HEAD] revisions. Default: the "
                                                 "last submitted/* tag (else HEAD) and the "
                                                 "working tree."),
    *,
    record_path: Record = HERE,
    lang: str | None = lang_option("The review's language: one of the record, or one "
                                   "ogpctl has labels in (default: the record's default "
                                   "language)."),
    format: str = format_option(("md", "json"), "md", "md (for a pull-request comment or a "
                                                      "CI job summary) or json."),
    json_out: Path | None = typer.Option(None, "--json", metavar="PATH",
                                         help="Also write the review as JSON to this file."),
    preview: Path | None = typer.Option(None, "--preview", metavar="FOLDER",
                                        help="Build the website as the "
                                             "change leaves it into this folder, and list the "
                                             "pages the change touches."),
    preview_url: str | None = typer.Option(None, "--preview-url", metavar="URL",
                                           help="Where that folder "
                                                "is published, to link the pages listed."),
    source_url: str | None = typer.Option(None, "--source-url", metavar="URL",
                                          help="Link findings to "
                                               "their line: an address with {commit}, {path} "
                                               "and {line}. Default: from GitHub Actions' or "
                                               "GitLab CI's environment."),
    today: Today,
) -> int:
    """What a change to the record means, for a reviewer: the changes plan by plan and
    commitment by commitment in the reviewer's language, the deadlines it moves, only the
    findings it introduces or fixes (linked to file and line), and the website pages it
    touches. Exit code 1 when the change introduces an error, or hides one with a
    suppression it adds."""
    from ogpctl.cli.diff import revisions
    from ogpctl.cli.options import (
        check_language,
        own_folder,
        print_bytes,
        record_at,
        write_output,
    )
    from ogpctl.render.markdown import write_markdown
    from ogpctl.review.model import review_revisions
    from ogpctl.review.render import review_document

    record = record_at(record_path)
    code = check_language(record, lang, readers=True) if lang else record.languages.default
    template = _template(source_url) if source_url is not None else _forge_template()
    links = _address(preview_url, "--preview-url") if preview_url is not None else None
    base, head, described = revisions(record.root, list(revs or []))
    described = re.sub(r"\b[0-9a-f]{40}\b", lambda found: found.group()[:12], described)
    result = review_revisions(record.root, base, head, described, today,
                              preview=preview is not None, since_branch=bool(revs))
    if preview is not None:
        from ogpctl.site import write_site

        own_folder(preview, record.root, "--preview")
        write_site(result.site, preview)
    document = json.dumps(result.to_json(code, template), ensure_ascii=False, indent=2) + "\n"
    if json_out is not None:
        write_output(json_out, document.encode("utf-8"), option="--json",
                     record_root=record.root)
    if format == "json":
        print_bytes(document.encode("utf-8"))
    else:
        print_bytes(write_markdown(review_document(result, code, template, links)))
    return 1 if result.introduces_errors() else 0


def _address(value: str, option: str) -> str:
    from ogpctl.base.errors import UsageError

    if not value.startswith(("https://", "http://")) or any(c.isspace() for c in value):
        raise UsageError(f"{option} {value!r}: give an http or https address")
    return value


def _template(value: str) -> str:
    """A --source-url template: an address whose only fields are commit, path and line."""
    from ogpctl.base.errors import UsageError

    _address(value, "--source-url")
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError:
        fields = {"?"}
    if not fields <= {"commit", "path", "line"}:
        raise UsageError(f"--source-url {value!r}: use only {{commit}}, {{path}} and {{line}}")
    return value


def _forge_template() -> str | None:
    """The address of a file at a line on the forge whose CI runs the command."""
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repository:
        return _escaped(f"{server}/{repository}") + "/blob/{commit}/{path}#L{line}"
    project = os.environ.get("CI_PROJECT_URL")
    if project:
        return _escaped(project) + "/-/blob/{commit}/{path}#L{line}"
    return None


def _escaped(address: str) -> str:
    return address.replace("{", "{{").replace("}", "}}").rstrip("/")
