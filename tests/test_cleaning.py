"""Cleaning scraped pages: the seeds end to end, and the same rules on a page from another site."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from reader.cleaning import clean, is_navigation, parse_date

# Page furniture from the seeds that must never reach an article body or title.
DEBRIS = [
    "Newsletter Newsletters Events", "Loader", "Finden Sie uns", "Werbung", "WERBUNG",
    "Diesen Artikel teilen", "Copy to clipboard", "Artikel teilen", "Zum selben Thema", "Mormonenkirche",
    "Russische Staatsbürgerin", "Genehmigung des Pentagon", "Diese Audioversion", "Bildquelle", "Foto:",
    "Bild: dpa", "Lesen Sie auch", "Gemeinsame Luftübung als Abschreckung für Kim", "Copyright",
    "Zuerst veröffentlicht", "Barrierefreiheitskürzeln", "Darstellung:", "Folgen Sie News.de",
    "/sfx/stg/", "journalistischen Standards", "Quelle: ntv.de", "Nicht mehr anzeigen",
    "redaktionelle Artikel von der n-tv", "Über dieses Thema berichtete", "Stand: 17.08.2017", "00:00",
    "Mehr Infos", "date 2023-01", "Close Button",
]


def seed(name_prefix: str):
    path = next(SEEDS.glob(f"{name_prefix}_*.txt"))
    return clean(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("prefix", "title", "published", "source", "first_words", "last_words"),
    [
        ("000", "Nordkoreas Drohungen: USA und Japan wollen gemeinsam Stärke zeigen", None, "Euronews",
         "Die Drohungen Nordkoreas mit einem Atomschlag", "zuletzt Zweifel geäußert."),
        ("001", "USA und Japan Zusammenrücken gegen Kim", "2017-08-17T22:11", "Inforadio",
         "Gemeinsam sind wir stärker", "werde Washington nicht hinnehmen."),
        ("002", "Wladimir Putin im Visier: USA und Japan starten Mega-Militäraktion mit Atombomber", None,
         "news.de", "Eine Demonstration der Macht", "gelten auch als Warnung an Wladimir Putin."),
        ("003", "Stärkung des Militärs Kim kündigt USA \"härteste Gegenmaßnahmen\" an", None, "ntv.de",
         "Trump sagte einmal", "leistungsfähigerer Atomraketen."),
        ("004", None, "2023-01", None, "Angesichts der anhaltenden Provokation Nordkoreas",
         "vereint stehen, sagte er in Tokio."),
    ],
)
def test_seed_cleaned(prefix, title, published, source, first_words, last_words):
    art = seed(prefix)
    if title:
        assert art.title == title
    else:
        assert art.title.startswith("Angesichts der anhaltenden Provokation")
    assert art.published == published
    assert art.source == source
    assert art.body.startswith(first_words)
    assert art.body.endswith(last_words)
    for junk in DEBRIS:
        assert junk not in art.body, junk
        assert junk not in art.title, junk


def test_seed_bodies_keep_every_article_paragraph():
    body = seed("001").body
    for sentence in (
        "Und auch Kim ruderte von angeblichen Angriffsplänen zurück",
        "Mattis droht erneut mit militärischen Konsequenzen",  # a subheading is part of the article
        "völligen und unumkehrbaren Denuklearisierung",
        "Hat auch China das Nachsehen?",
    ):
        assert sentence in body
    body = seed("002").body
    assert "halten gewaltige Militärübung ab." in body  # the lead survives its picture credit
    assert "Strategischer Dialog zwischen Lawrow und Choe" in body


def test_repeated_headline_kept_once():
    art = seed("000")
    assert art.title not in art.body
    art = seed("003")
    assert art.body.count("Trump sagte einmal, er und Kim hätten sich") == 1 + 1  # teaser once, body once


def test_rules_generalise_to_another_site():
    page = "\n".join([
        "Startseite Politik Wirtschaft Sport Kultur Wissen",
        "Anzeige",
        "Wirtschaft",
        "Bahn erhöht die Preise im Fernverkehr",
        "Veröffentlicht: 03.02.2024, 14:05 Uhr",
        "Von Anna Schmidt",
        "Ein ICE im Hauptbahnhof. Foto: Max Muster/dpa",
        "",
        "Die Deutsche Bahn hebt ihre Preise zum Fahrplanwechsel an. Betroffen sind vor allem Flexpreise.",
        "",
        "Lesen Sie auch:",
        "Streik bei der Bahn: Was Reisende jetzt wissen müssen",
        "",
        "Verbraucherschützer kritisierten die Erhöhung scharf.",
        "Teilen",
        "Mehr zum Thema",
        "Neue Tarife im Nahverkehr",
    ])
    art = clean(page)
    assert art.title == "Bahn erhöht die Preise im Fernverkehr"
    assert art.published == "2024-02-03T14:05"
    assert art.source == "Anna Schmidt"
    assert art.body.split("\n\n") == [
        "Ein ICE im Hauptbahnhof.",
        "Die Deutsche Bahn hebt ihre Preise zum Fahrplanwechsel an. Betroffen sind vor allem Flexpreise.",
        "Verbraucherschützer kritisierten die Erhöhung scharf.",
    ]


def test_hard_wrapped_lines_are_joined():
    art = clean("Titel der Meldung\n\nDie Regierung hat am Montag\nbeschlossen, die Steuern zu senken.")
    assert art.body == "Die Regierung hat am Montag beschlossen, die Steuern zu senken."


def test_navigation_shape():
    assert is_navigation("Newsletter Newsletters Events Veranstaltungen Podcasts Videos Africanews")
    assert not is_navigation("USA und Japan Zusammenrücken gegen Kim")
    assert not is_navigation("Atomwaffen stehen bereit")  # a real subheading has lower-case words


def test_parse_date():
    assert parse_date("Stand: 17.08.2017 22:11 Uhr") == "2017-08-17T22:11"
    assert parse_date("date 2023-01") == "2023-01"
    assert parse_date("am 17. August 2017") == "2017-08-17"
    assert parse_date("kein Datum") is None


def test_a_long_paragraph_mentioning_cookies_is_kept():
    para = ("Die Datenschutzbehörde prüft, ob Webseiten ihre Cookies rechtmäßig setzen. " * 6).strip()
    art = clean(f"Behörde prüft Webseiten\n\n{para}\n\nWir verwenden Cookies.")
    assert art.body == para
