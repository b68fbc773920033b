"""The news feeds the learner follows, and the addresses their articles were refused at for good: both
kept as JSON lists in settings (`feeds`, `feed_refusals`), each read and written in one transaction."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from .db import Store

SETTING = "feeds"
REFUSALS = "feed_refusals"
MAX_REFUSALS = 2000  # the most recent are kept; an older one is only tried once more


@dataclass
class Subscription:
    url: str
    title: str | None = None


def subscriptions(store: Store) -> list[Subscription]:
    """The followed feeds, in the order they were added (an unreadable setting counts as none)."""
    try:
        rows = json.loads(store.get_setting(SETTING) or "[]")
        return [Subscription(str(r["url"]), r.get("title")) for r in rows]
    except (ValueError, TypeError, KeyError, AttributeError):
        return []


def _write(store: Store, subs: list[Subscription]) -> None:
    store.set_setting(SETTING, json.dumps([asdict(s) for s in subs], ensure_ascii=False))


def follow(store: Store, url: str, title: str | None) -> bool:
    """Follow a feed (its title updated when already followed); False when it was followed already."""
    with store.transaction():
        subs = subscriptions(store)
        for sub in subs:
            if sub.url == url:
                sub.title = title or sub.title
                _write(store, subs)
                return False
        _write(store, [*subs, Subscription(url, title)])
        return True


def unfollow(store: Store, ref: str) -> Subscription | None:
    """Stop following the feed with this address or list number (1-based); the one removed, if any."""
    with store.transaction():
        subs = subscriptions(store)
        k = int(ref) - 1 if ref.isdigit() else next((k for k, s in enumerate(subs) if s.url == ref), -1)
        if not 0 <= k < len(subs):
            return None
        removed = subs.pop(k)
        _write(store, subs)
        return removed


def _refusals(store: Store) -> list[str]:
    try:
        urls = json.loads(store.get_setting(REFUSALS) or "[]")
        return [u for u in urls if isinstance(u, str)]
    except (ValueError, TypeError):
        return []


def refused_before(store: Store, url: str) -> bool:
    """True when an article address listed in a feed was refused for a lasting reason before."""
    return url in _refusals(store)


def remember_refusal(store: Store, url: str) -> None:
    """Remember a lasting refusal, so that updating the feeds does not download the page again."""
    with store.transaction():
        urls = [u for u in _refusals(store) if u != url] + [url]
        store.set_setting(REFUSALS, json.dumps(urls[-MAX_REFUSALS:], ensure_ascii=False))
