""""Comment on this" links (handbook 5.1: the public can comment on progress).

ogp.yaml names an address template, such as a new issue on the record's git host:

    comments:
      url: https://github.com/org/record/issues/new?title={title}&body={url}
      label: {en: Comment on GitHub, es: Comentar en GitHub}

`{title}` (the page's title), `{url}` (its address: the `website` of ogp.yaml followed by
the page's path, else the path alone), `{path}` and `{lang}` are filled in, each
percent-encoded. Placeholders are replaced literally, never with `str.format`, because
the template comes from the record. The result must still be an http, https or mailto
address, or no link is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ogpctl.record.model import Record
from ogpctl.render.prose import safe_href

if TYPE_CHECKING:
    from ogpctl.site.view import View

PLACEHOLDERS = ("title", "url", "path", "lang")


@dataclass(frozen=True)
class Comments:
    template: str
    website: str | None
    label_value: Any = None

    def href(self, title: str, path: str, lang: str) -> str | None:
        address = f"{self.website.rstrip('/')}/{path}" if self.website else path
        values = {"title": title, "url": address, "path": path, "lang": lang}
        filled = self.template
        for name in PLACEHOLDERS:
            filled = filled.replace("{" + name + "}", quote(values[name], safe=""))
        href = safe_href(filled)
        return href if href and ":" in href.split("/", 1)[0] else None

    def label(self, view: View) -> str:
        return view.text(self.label_value)


def comments_of(record: Record) -> Comments | None:
    fields = record.ogp.fields if record.ogp else {}
    config = fields.get("comments")
    if not isinstance(config, dict) or not isinstance(config.get("url"), str):
        return None
    if safe_href(config["url"]) is None:
        return None
    website = fields.get("website")
    website = website if isinstance(website, str) and website.lower().startswith(
        ("http://", "https://")) else None
    return Comments(config["url"], website, config.get("label"))
