"""Reading what users import: text and Markdown files, HTML files and pages from the web.

Bytes are decoded by their byte-order mark, as UTF-8, or else as Windows-1252 (a superset of the
Latin-1 umlauts); binary files are refused. HTML goes through trafilatura, which extracts the main text
and never runs scripts or fetches what the page references.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .feeds import Feed, FeedError, feed_links, looks_like_feed, parse

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_BYTES = 10 * 1024 * 1024  # files and pages larger than this are not articles
URL_TIMEOUT = 10.0  # seconds without an answer; `LESEN_URL_TIMEOUT` overrides it
TOTAL_TIMEOUT_FACTOR = 4  # the whole download may take this many timeouts
MAX_DISCOVERED = 3  # feed links of a page tried in turn
USER_AGENT = "lesen/0.1 (German reader for learners)"
PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml"}


class SourceError(Exception):
    """An input that cannot be imported; the message is one line for the user."""

    lasting = True  # trying again later would fail the same way


class NamesFeed(SourceError):
    """A web page refused as no article (a site's front page, say) that names a news feed in its head."""

    def __init__(self, message: str, feed: str) -> None:
        super().__init__(f"{message}; the page names the news feed {feed} (`lesen feeds add` follows it)")
        self.feed = feed


def no_article(message: str, feeds: list[str]) -> SourceError:
    """The refusal of a page without article text: `NamesFeed` when the page names a news feed."""
    return NamesFeed(message, feeds[0]) if feeds else SourceError(message)


class Unreachable(SourceError):
    """A download that failed for a reason that may pass: a timeout, no connection, a server error."""

    lasting = False


class IsFeed(SourceError):
    """The address is a news feed, not an article: `lesen import` imports the articles it lists."""

    def __init__(self, feed: Feed) -> None:
        super().__init__(f"{feed.url}: is a news feed of {feed.size};"
                         " `lesen import` imports them")
        self.feed = feed


@dataclass
class RawDocument:
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    is_html: bool = False
    # the news feeds a web page names in its head, read only when asked (a refused page's hint)
    named_feeds: Callable[[], list[str]] = list


def url_timeout() -> float:
    """The download timeout in seconds (`LESEN_URL_TIMEOUT`, else `URL_TIMEOUT`)."""
    try:
        value = float(os.environ.get("LESEN_URL_TIMEOUT", URL_TIMEOUT))
    except ValueError:
        return URL_TIMEOUT
    return value if value > 0 else URL_TIMEOUT


def is_url(ref: str) -> bool:
    return bool(re.match(r"^https?://", ref, re.IGNORECASE))


def decode(data: bytes, name: str) -> str:
    """Decode text bytes (BOM, UTF-8, Windows-1252); refuse binary data."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise SourceError(f"{name}: cannot be decoded as {enc}") from exc
    kind = _binary_kind(data)
    if kind:
        raise SourceError(f"{name}: is {kind}, not text")
    sample = data[:8192]
    if b"\x00" in sample or _control_share(sample) > 0.05:
        raise SourceError(f"{name}: is a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_MAGIC = ((b"%PDF-", "a PDF file"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or an office document)"),
          (b"\x1f\x8b", "a gzip archive"), (b"SQLite format 3\x00", "a SQLite database"))


def _binary_kind(data: bytes) -> str | None:
    """What a well-known binary file is, from its first bytes."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def from_html(html: str, origin: str, url: str | None = None) -> RawDocument:
    """Main text and metadata of an HTML page (trafilatura)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=False, include_images=False,
            include_links=False, with_metadata=True,
        )
    except Exception as exc:  # noqa: BLE001 - any parser failure is a bad page, said in one line
        raise SourceError(f"{origin}: the HTML cannot be parsed ({type(exc).__name__})") from exc
    if doc is None:
        raise SourceError(f"{origin}: no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        raise SourceError(f"{origin}: no article text found in the HTML")
    return RawDocument(
        text=text, origin=origin, title=data.get("title") or None, url=url,
        source=data.get("sitename") or data.get("hostname") or None, published=data.get("date") or None,
        is_html=True,
    )


def _parsed(data: bytes, where: str) -> Feed:
    """The feed in `data`, or a one-line `SourceError` for a broken one."""
    try:
        return parse(data, where)
    except FeedError as exc:
        raise SourceError(str(exc)) from exc


def read_file(path: Path) -> RawDocument:
    name = str(path)
    try:
        if not path.exists():
            raise SourceError(f"{name}: no such file")
        if path.is_dir():
            raise SourceError(f"{name}: is a directory")
        if not path.is_file():
            raise SourceError(f"{name}: is not a regular file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{name}: is {size / 1e6:.0f} MB; files larger than "
                              f"{MAX_BYTES / 1e6:.0f} MB are not articles")
        with path.open("rb") as fh:  # the file may have grown since stat: read one byte too many at most
            data = fh.read(MAX_BYTES + 1)
    except PermissionError as exc:
        raise SourceError(f"{name}: permission denied") from exc
    except OSError as exc:
        raise SourceError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    if len(data) > MAX_BYTES:
        raise SourceError(f"{name}: is larger than {MAX_BYTES / 1e6:.0f} MB; that is not an article")
    if looks_like_feed(data):  # a saved feed: its articles are on the web
        raise IsFeed(_parsed(data, name))
    text = decode(data, name)
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        return from_html(text, name)
    return RawDocument(text=text, origin=name)


def _read_body(resp, url: str, limit: float) -> bytes:
    """The response body (at most MAX_BYTES + 1), refused when the whole download takes over `limit` s.

    The socket timeout only bounds each read; a server that drips a byte at a time would pass it forever.
    """
    deadline = time.monotonic() + limit
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        chunk = resp.read1(64 * 1024)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise Unreachable(f"{url}: the download took more than {limit:g} s")
    return b"".join(chunks)


@dataclass
class _Download:
    data: bytes
    ctype: str
    charset: str | None
    final_url: str  # after redirects: what relative links start from

    def text(self, url: str) -> str:
        if self.charset:
            try:
                return self.data.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode(self.data, url)


def _download(url: str, timeout: float | None = None) -> _Download:
    """A page or feed's bytes (short timeout, size limit), or a one-line `SourceError` (`Unreachable`
    for what may pass)."""
    import http.client  # here, not at the top: a file import does not pay for the HTTP client
    import urllib.error
    import urllib.request

    timeout = timeout or url_timeout()
    accept = "text/html,text/plain,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.1"
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http/https only)
            ctype = (resp.headers.get_content_type() or "").lower()
            if ctype not in PAGE_TYPES | FEED_TYPES:
                raise SourceError(f"{url}: is {ctype or 'not text'}, not an article page")
            data = _read_body(resp, url, TOTAL_TIMEOUT_FACTOR * timeout)
            charset = resp.headers.get_content_charset()
            final_url = resp.geturl() or url  # after redirects: what a feed's relative links start from
    except SourceError:
        raise
    except urllib.error.HTTPError as exc:
        error = Unreachable if exc.code >= 500 or exc.code in (408, 429) else SourceError
        raise error(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise Unreachable(f"{url}: timed out after {timeout:g} s") from exc
        raise Unreachable(f"{url}: cannot be reached ({exc.reason})") from exc
    except TimeoutError as exc:
        raise Unreachable(f"{url}: timed out after {timeout:g} s") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise Unreachable(f"{url}: download failed ({exc or type(exc).__name__})") from exc
    except ValueError as exc:  # a malformed address
        raise SourceError(f"{url}: download failed ({exc or type(exc).__name__})") from exc
    if len(data) > MAX_BYTES:
        raise SourceError(f"{url}: the page is larger than {MAX_BYTES / 1e6:.0f} MB")
    return _Download(data, ctype, charset, final_url)


def fetch_url(url: str, timeout: float | None = None) -> RawDocument:
    """Download a page and extract its article; raises `IsFeed` for a news feed (RSS or Atom, whatever
    type the server gives it)."""
    got = _download(url, timeout)
    if looks_like_feed(got.data):
        raise IsFeed(_parsed(got.data, got.final_url))
    if got.ctype in FEED_TYPES:
        raise SourceError(f"{url}: is {got.ctype} but not a news feed (RSS or Atom)")
    text = got.text(url)
    if got.ctype == "text/plain":
        return RawDocument(text=text, origin=url, url=url)
    named_feeds = functools.partial(feed_links, text, got.final_url)
    try:
        doc = from_html(text, url, url=url)
    except SourceError as exc:
        raise no_article(str(exc), named_feeds()) from exc
    doc.named_feeds = named_feeds
    return doc


def fetch_feed(url: str, timeout: float | None = None) -> Feed:
    """The news feed at `url`, or the first that the page at `url` names in its head (`<link
    rel="alternate" type="application/rss+xml" href="…">`, as news sites do for feed readers); the
    feed's `url` is the address asked for, to be asked again."""
    got = _download(url, timeout)
    if looks_like_feed(got.data):
        return replace(_parsed(got.data, got.final_url), url=url)
    candidates = feed_links(got.text(url), got.final_url) if got.ctype in PAGE_TYPES else []
    for link in candidates[:MAX_DISCOVERED]:
        try:
            found = _download(link, timeout)
        except SourceError:
            continue
        if looks_like_feed(found.data):
            return replace(_parsed(found.data, found.final_url), url=link)
    named = f"; the {len(candidates)} it names cannot be read" if candidates else " and names none"
    raise SourceError(f"{url}: is a page, not a news feed (RSS or Atom){named};"
                      " `lesen import` imports a page")


def expand(refs: list[str]) -> list[str]:
    """Files, directories (recursively, importable files only) and URLs, in a stable order."""
    out: list[str] = []
    for ref in refs:
        p = Path(ref)
        if not is_url(ref) and p.is_dir():
            out.extend(str(f) for f in sorted(p.rglob("*"))
                       if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES)
        else:
            out.append(ref)
    return out


def read(ref: str, *, timeout: float | None = None) -> RawDocument:
    if is_url(ref):
        return fetch_url(ref, timeout)
    if re.match(r"^[a-z][a-z0-9+.-]*://", ref, re.IGNORECASE):
        raise SourceError(f"{ref}: only http:// and https:// addresses can be imported")
    return read_file(Path(ref))
