"""News feeds: parsing RSS and Atom, and `lesen import FEED` against a local server (articles imported in
the feed's order, known addresses not downloaded again, bad items refused one by one)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS, serve_pages

from reader import feeds
from reader.cleaning import clean
from reader.cli import main
from reader.store import Store
from reader.store.articles import list_articles

RSS = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Nachrichten aus Köln</title><link>https://example.org/</link>
<item><title>Erster</title><link>https://example.org/a/1.html</link></item>
<item><title>Zweiter</title><link> /a/2.html </link></item>
<item><title>Doppelt</title><link>https://example.org/a/1.html</link></item>
<item><title>Ohne Web</title><link>mailto:redaktion@example.org</link></item>
<item><title>Ohne Link</title></item>
<item><title>Nur guid</title><guid>https://example.org/a/3.html</guid></item>
<item><title>guid, kein Permalink</title><guid isPermaLink="false">https://example.org/id/4</guid></item>
</channel></rss>""".encode("iso-8859-1")

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom-Beispiel</title>
<link rel="self" href="https://example.org/feed.atom"/>
<entry><title>Eins</title><link rel="replies" href="https://example.org/c/1"/>
<link href="https://example.org/e/1"/></entry>
<entry><title>Zwei</title><link rel="alternate" type="text/html" href="e/2"/></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://example.org/"><title>RDF-Beispiel</title><link>https://example.org/</link></channel>
<item rdf:about="https://example.org/r/1"><title>Eins</title><link>https://example.org/r/1</link></item>
</rdf:RDF>"""


def test_rss_links_in_order_resolved_and_once():
    assert feeds.looks_like_feed(RSS)
    feed = feeds.parse(RSS, "https://example.org/rss.xml")
    assert feed.title == "Nachrichten aus Köln"
    assert feed.links == ["https://example.org/a/1.html", "https://example.org/a/2.html",
                          "https://example.org/a/3.html"]


def test_atom_takes_each_entrys_alternate_link():
    assert feeds.looks_like_feed(ATOM)
    feed = feeds.parse(ATOM, "https://example.org/feeds/feed.atom")
    assert feed.title == "Atom-Beispiel"
    assert feed.links == ["https://example.org/e/1", "https://example.org/feeds/e/2"]


def test_rss_1_0_items():
    feed = feeds.parse(RDF, "https://example.org/index.rdf")
    assert feed.title == "RDF-Beispiel" and feed.links == ["https://example.org/r/1"]


@pytest.mark.parametrize("data", [b"<!DOCTYPE html><html><body><p>rss feed</p></body></html>",
                                  b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
                                  b"Ein Text, der <rss> erw\xc3\xa4hnt."])
def test_other_documents_are_no_feeds(data):
    assert not feeds.looks_like_feed(data)


def test_broken_feed_is_one_line_error():
    with pytest.raises(feeds.FeedError, match=r"^https://example.org/f: the feed is not well-formed XML"):
        feeds.parse(b"<rss><channel><item><link>x</channel></rss>", "https://example.org/f")


def test_entity_bomb_is_refused():
    """Nested entities that would expand to a billion characters: expat stops them (one-line error)."""
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><rss><channel><item><link>&e9;</link></item>'
    with pytest.raises(feeds.FeedError, match="not well-formed"):
        feeds.parse((bomb + "</channel></rss>").encode(), "https://example.org/f")


def _page(body: str) -> bytes:
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    title, rest = paragraphs[0], paragraphs[1:]
    html = (f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Startseite</a></nav><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in rest) + "</article></body></html>")
    return html.encode("utf-8")


def _site_pages() -> dict[str, tuple[str, bytes]]:
    """Two seed articles, an RSS feed listing them (with a missing page and a feed between them), and an
    Atom feed served as text/xml."""
    seeds = sorted(SEEDS.glob("*.txt"))
    items = "".join(f"<item><link>{link}</link></item>"
                    for link in ("/artikel/1.html", "/artikel/fehlt.html", "/artikel/2.html", "/atom",
                                 "/artikel/besetzt.html"))
    rss = f"<rss version='2.0'><channel><title>Testnachrichten</title>{items}</channel></rss>"
    atom = (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>A</title>"
            b"<entry><link href='/artikel/2.html'/></entry></feed>")
    pages = {f"/artikel/{k}.html": ("text/html; charset=utf-8",
                                    _page(clean(seeds[k].read_text(encoding="utf-8")).body)) for k in (1, 2)}
    start = ('<!DOCTYPE html><html><head><title>Start</title><link rel="stylesheet" href="/a.css">'
             '<link rel="alternate" type="application/rss+xml" title="Alle Nachrichten" href="fehlt.xml">'
             '<link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Start</body></html>')
    return {"/rss": ("application/rss+xml", rss.encode()), "/atom": ("text/xml", atom),
            "/artikel/besetzt.html": 503, "/start/": ("text/html; charset=utf-8", start.encode()), **pages}


SEEN: list[str] = []


@pytest.fixture(scope="module")
def site():
    with serve_pages(_site_pages(), SEEN) as base:
        yield base


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_import_a_feed_then_only_its_new_articles(db_path: Path, site: str):
    """Run again, a feed's import downloads neither the articles it imported nor those refused for a
    lasting reason (a missing page, a feed in the feed); a server error is tried again."""
    SEEN.clear()
    first = run("import", f"{site}/rss")
    assert first.exit_code == 0, first.output  # a feed's refused items are reported, not a failure
    assert f"{site}/rss: news feed “Testnachrichten” with 5 articles" in first.output
    assert f"{site}/artikel/fehlt.html: the server answered 404" in first.output
    assert f"{site}/atom: is a feed listed in a feed" in first.output
    assert f"{site}/artikel/besetzt.html: the server answered 503" in first.output
    assert "2 imported, 0 already there, 3 refused." in first.output
    with Store(db_path) as store:
        arts = list_articles(store)
    assert [a.url for a in arts] == [f"{site}/artikel/1.html", f"{site}/artikel/2.html"]  # the feed's order
    assert all(a.words > 50 for a in arts)
    for art in arts:  # what the feed brought is named
        assert f"{art.url}: imported “{art.title}”" in first.output

    SEEN.clear()
    again = run("import", f"{site}/rss")
    assert "0 imported, 2 already there, 1 refused, 2 refused before." in again.output
    assert SEEN == ["/rss", "/artikel/besetzt.html"]  # only the server error is tried again
    assert again.exit_code == 0 and "fehlt.html" not in again.output
    assert "already in the library" not in again.output  # a feed's old articles are only counted
    named = run("import", f"{site}/rss", f"{site}/artikel/fehlt.html")
    assert named.exit_code == 1, named.output  # a page named on the command line fails the run


def test_a_feed_served_as_xml_is_recognised(db_path: Path, site: str):
    result = run("import", f"{site}/atom")
    assert result.exit_code == 0, result.output
    assert "1 imported, 0 already there, 0 refused." in result.output


def test_vocabulary_of_a_feed_covers_its_articles(tmp_path: Path, site: str):
    """A teacher's list for a feed: the words of the articles it lists, bad items skipped with a warning."""
    out = tmp_path / "feed.tsv"
    result = CliRunner().invoke(main, ["vocab", f"{site}/rss", "--format", "tsv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{site}/artikel/fehlt.html: the server answered 404" in result.output
    assert f"{site}/atom: is a feed listed in a feed; skipped" in result.output
    with out.open(encoding="utf-8", newline="") as fh:
        titles = {row["source"] for row in csv.DictReader(fh, delimiter="\t")}
    assert len(titles) == 2, titles  # the two articles' titles


def test_follow_feeds_update_and_unfollow(db_path: Path, site: str):
    """Followed feeds live in the learner database; `update` imports what they list that is new."""
    assert "You follow no feeds" in run("feeds").output
    assert run("feeds", "update").exit_code == 1
    added = run("feeds", "add", f"{site}/rss", f"{site}/atom")
    assert "Following “Testnachrichten” (5 articles now)" in added.output
    assert "Following “A” (1 article now)" in added.output
    assert "Already following" in run("feeds", "add", f"{site}/rss").output
    page = CliRunner().invoke(main, ["feeds", "add", f"{site}/artikel/1.html"])
    assert page.exit_code == 1 and "is a page, not a news feed" in page.output
    listed = run("feeds").output.splitlines()
    assert listed == [f"  1  Testnachrichten  {site}/rss", f"  2  A  {site}/atom"]

    first = run("feeds", "update")
    assert "2 imported, 1 already there, 3 refused." in first.output  # /atom's article came with /rss
    SEEN.clear()
    again = run("feeds", "update")
    assert "0 imported, 3 already there, 1 refused, 2 refused before." in again.output
    assert SEEN == ["/rss", "/artikel/besetzt.html", "/atom"]

    assert "No longer following Testnachrichten." in run("feeds", "remove", "1").output
    assert run("feeds").output.splitlines() == [f"  1  A  {site}/atom"]
    assert CliRunner().invoke(main, ["feeds", "remove", f"{site}/rss"]).exit_code == 1
    with Store(db_path) as store:
        assert len(list_articles(store)) == 2  # unfollowing keeps the articles


def test_a_saved_feed_file_imports_the_articles_it_links_to(db_path: Path, site: str, tmp_path: Path):
    saved = tmp_path / "nachrichten.xml"
    saved.write_text(f"<rss><channel><title>Gespeichert</title><item><link>{site}/artikel/1.html</link></item>"
                     "<item><link>relativ.html</link></item></channel></rss>", encoding="utf-8")
    result = run("import", str(saved))
    assert f"{saved}: news feed “Gespeichert” with 1 article" in result.output  # a relative link has no site
    assert "1 imported, 0 already there, 0 refused." in result.output
    with Store(db_path) as store:
        assert [a.url for a in list_articles(store)] == [f"{site}/artikel/1.html"]


def test_follow_a_news_site_by_its_page(db_path: Path, site: str):
    """A site's page that names its feeds in its head (`<link rel="alternate" …>`): the first that can be
    read is followed under its own address; a page that names none is refused in one line."""
    added = run("feeds", "add", f"{site}/start/")
    assert added.exit_code == 0, added.output
    said = f"Following “Testnachrichten” (5 articles now, the feed {site}/rss named by {site}/start/)"
    assert said in added.output
    assert run("feeds").output.splitlines() == [f"  1  Testnachrichten  {site}/rss"]
    front = run("import", f"{site}/start/")
    assert front.exit_code == 1 and f"the page names the news feed {site}/start/fehlt.xml" in front.output
    page = CliRunner().invoke(main, ["feeds", "add", f"{site}/artikel/1.html"])
    assert page.exit_code == 1
    assert page.output.strip() == (f"lesen: {site}/artikel/1.html: is a page, not a news feed (RSS or Atom)"
                                   " and names none; `lesen import` imports a page")


def test_feed_links_of_a_page_head():
    """Only alternate links of a feed type, resolved against the page, each once; the body is not read;
    broken markup gives what was found, never an error."""
    head = ("<html><head><link rel='stylesheet' href='/a.css'>"
            "<LINK REL='Alternate' TYPE='application/atom+xml' HREF='atom.xml'>"
            "<link rel=alternate type=application/rss+xml href=/rss>"
            "<link rel=alternate type=application/rss+xml href=/rss><link rel=alternate"
            " type=application/rss+xml href='javascript:void(0)'></head>")
    body = "<body><link rel=alternate type=application/rss+xml href=/spaeter></body></html>"
    assert feeds.feed_links(head + body, "https://example.de/nachrichten/") == [
        "https://example.de/nachrichten/atom.xml", "https://example.de/rss"]
    broken = "<head><link rel=alternate type=application/rss+xml href=/x><!<a<</<"
    assert feeds.feed_links(broken, "https://e.de") == ["https://e.de/x"]
