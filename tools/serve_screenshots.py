"""Screenshots of `dateline serve`'s pages for docs/serve.md, taken by headless Chromium.

    python tools/serve_screenshots.py --db dateline.duckdb --out docs/img

Use the demo database (`make demo`): it holds only the bundled sample article, whose text dateline
may publish; never commit screenshots of the news corpora (their publishers keep copyright).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([str(Path(sys.executable).with_name("dateline")), "serve", "--db", args.db, "--port", "0",
                             "--allow-review"], stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        url = re.search(r"(http://127\.0\.0\.1:\d+)/", proc.stderr.readline()).group(1)  # type: ignore[union-attr]
        token = proc.stderr.readline().split()[-1]
        with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
            ctx = pw.chromium.launch_persistent_context(profile, executable_path=args.chromium, headless=True,
                                                        args=ARGS, viewport={"width": 1280, "height": 800})
            page = ctx.new_page()
            page.goto(url + "/login")
            page.fill("input[name=token]", token)
            page.fill("input[name=reviewer]", "docs")
            page.click("form.login button")
            page.goto(url + "/events")
            page.locator("tbody.event tr.summary").first.click()
            page.screenshot(path=str(args.out / "serve-events.png"))
            aid = page.locator("tbody.event").first.locator("a[href^='/articles/']").first.get_attribute("href")
            page.goto(url + str(aid).split("#")[0])
            page.screenshot(path=str(args.out / "serve-article.png"))
            for name in ("timeline", "dyads", "map"):
                page.goto(url + "/" + name)
                page.wait_for_timeout(1000)
                page.screenshot(path=str(args.out / f"serve-{name}.png"))
            ctx.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
