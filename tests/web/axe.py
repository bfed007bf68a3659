"""WCAG 2.1 AA checks in the browser tests: axe-core run on the page as it stands.

axe-core comes bundled in the pinned ``axe-playwright-python`` wheel (no CDN, no npm at test
time); only its ``axe.min.js`` is used. The script is evaluated through the DevTools
protocol, so the app's Content-Security-Policy (no inline scripts) stays on.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")


@lru_cache(maxsize=1)
def axe_source() -> str:
    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def audit(
    page: Page, *, exclude: list[str] | None = None, include: list[str] | None = None
) -> list[dict[str, Any]]:
    """axe's WCAG 2.1 A/AA violations on ``page``: ``[{id, impact, help, nodes: [...]}]``.

    ``exclude`` lists CSS selectors to leave out (the WebGL canvas has no DOM to check);
    ``include`` limits the check to the parts of the page it names (e.g. one panel).
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    context: dict[str, Any] | None = None
    if exclude or include:
        context = {"exclude": [[s] for s in (exclude or [])]}
        if include:
            context["include"] = [[s] for s in include]
    result = page.evaluate(
        """async ([context, tags]) => {
            const r = await window.axe.run(context || document,
                {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 10)}));
        }""",
        [context, WCAG_AA_TAGS],
    )
    return list(result)


def assert_accessible(
    page: Page,
    *,
    state: str,
    artifacts: Path | None = None,
    exclude: list[str] | None = None,
    include: list[str] | None = None,
) -> None:
    """Fail with the list of serious or critical WCAG 2.1 AA violations in ``state``.

    The whole report is written to ``artifacts/axe-<state>.json`` when a folder is given.
    """
    violations = audit(page, exclude=exclude, include=include)
    if artifacts is not None:
        artifacts.mkdir(parents=True, exist_ok=True)
        (artifacts / f"axe-{state}.json").write_text(json.dumps(violations, indent=2))
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{state}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'])}" for v in blocking
    )
