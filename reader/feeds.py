"""News feeds (RSS 2.0, RSS 1.0/RDF, Atom): the article links they list, in the feed's order, and the
feeds a web page names in its head.

Parsed with the standard library's expat parser, which fetches no external entity and (expat 2.4 and
later) refuses entity expansion bombs; the download is already limited in size and time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin
from xml.etree import ElementTree

_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)\b")
_ITEMS = ("item", "entry")


class FeedError(ValueError):
    """Not a feed that can be read; the message is one line."""


@dataclass
class Feed:
    url: str
    title: str | None
    links: list[str]  # article addresses, absolute, each once, in the feed's order

    @property
    def size(self) -> str:
        """"1 article", "12 articles"."""
        return f"{len(self.links)} article{'' if len(self.links) == 1 else 's'}"


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is a feed's (`<rss>`, `<feed>`, `<rdf:RDF>`)."""
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", data[:4096], flags=re.DOTALL).lstrip()
    return bool(_ROOT.match(head.lstrip(b"\xef\xbb\xbf")))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _link(item: ElementTree.Element) -> str | None:
    """An item's page: Atom's `<link href>` (the alternate one), else RSS's `<link>` text, else an RSS
    `<guid>` that is a permalink (RSS 2.0 lets a guid stand for the link)."""
    guid = None
    for child in item:
        name = _local(child.tag)
        if name == "guid" and child.get("isPermaLink", "true") == "true" and child.text:
            guid = child.text.strip()
        if name != "link":
            continue
        href = child.get("href")
        if href is not None:
            if child.get("rel", "alternate") == "alternate":
                return href.strip()
        elif child.text and child.text.strip():
            return child.text.strip()
    return guid or None


def parse(data: bytes, url: str) -> Feed:
    """The feed's title and article links (relative ones resolved against `url`; http(s) only)."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise FeedError(f"{url}: the feed is not well-formed XML ({exc})") from exc
    channel = next((e for e in root if _local(e.tag) == "channel"), root)
    title = next((e.text.strip() for e in channel if _local(e.tag) == "title" and e.text), None)
    links: dict[str, None] = {}  # ordered, each once
    for item in root.iter():
        if _local(item.tag) in _ITEMS and (link := _link(item)):
            absolute = urljoin(url, link)
            if re.match(r"https?://", absolute, re.IGNORECASE):
                links[absolute] = None
    return Feed(url=url, title=title or None, links=list(links))


_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
MAX_HEAD = 200_000  # characters read for feed links when a page has no `</head>`


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            a = {k: (v or "").strip() for k, v in attrs}
            if "alternate" in a.get("rel", "").lower().split() and a.get("type", "").lower() in _FEED_TYPES \
                    and a.get("href"):
                self.hrefs.append(a["href"])


def feed_links(html: str, url: str) -> list[str]:
    """The feeds a page names for feed readers (`<link rel="alternate" type="application/rss+xml"
    href="…">`), absolute, each once, in the page's order."""
    end = _HEAD_END.search(html)  # feed links belong to the head; the body can be long
    parser = _FeedLinks()
    try:
        parser.feed(html[: end.start() if end else MAX_HEAD])
        parser.close()
    except (AssertionError, ValueError):  # markup the standard parser chokes on: the links found so far
        pass
    links = (urljoin(url, href) for href in parser.hrefs)
    return list(dict.fromkeys(link for link in links if re.match(r"https?://", link, re.IGNORECASE)))
