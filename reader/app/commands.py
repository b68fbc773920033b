"""The command palette (Ctrl+P): every action bound on the current screen, found by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ActionsProvider(Provider):
    """Offers each active binding (screen, focused widget and app) as a command."""

    def _actions(self) -> list[tuple[str, str, object, str]]:
        seen: set[tuple[int, str]] = set()
        out = []
        for key, active in self.screen.active_bindings.items():
            b = active.binding
            if not b.description or (id(active.node), b.action) in seen:
                continue
            seen.add((id(active.node), b.action))
            display = self.app.get_key_display(b)
            out.append((b.description, b.action, active.node, f"key: {display}" if display else key))
        return out

    async def _run(self, action: str, node) -> None:
        await self.app.run_action(action, node)

    async def discover(self) -> Hits:
        for text, action, node, help_text in self._actions():
            yield DiscoveryHit(text, partial(self._run, action, node), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, node, help_text in self._actions():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, action, node), help=help_text)
