"""HTML → PDF with a locally installed headless Chromium, when there is one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from dikas.errors import ConfigError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_converter() -> str | None:
    """Path of a Chromium-family browser on PATH or Playwright's bundled one, if any."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:
        return None
    return path if Path(path).is_file() else None


def html_to_pdf(html_path: Path, pdf_path: Path, *, browser: str | None = None) -> Path:
    """Print ``html_path`` to ``pdf_path`` with headless Chromium."""
    browser = browser or find_converter()
    if browser is None:
        raise ConfigError(
            "no PDF converter: install Chromium (e.g. `apt install chromium` or "
            "`playwright install chromium`) or open the HTML report and print it"
        )
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_path.resolve()}",
            html_path.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0 or not pdf_path.is_file():
        raise ConfigError(
            f"PDF conversion with {browser} failed: "
            f"{(result.stderr.strip().splitlines() or ['no output'])[-1]}"
        )
    return pdf_path
