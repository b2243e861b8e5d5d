"""Browser test of the documentation site: serve `_docs/html` on 127.0.0.1 and open it in headless Debian Chromium.

Checks that the front page renders with its figure and chapter links, that a chapter (09b_results) shows its
committed figures (every image loaded) and Markdown tables without nbdev's `#| ...` directives, and that the API page shows the
exported names with their Parameters sections. Saves a screenshot of each page. Build the site first with
`python docs/build.py`; run this with `python tests/browser_docs.py`.
"""
import functools, sys, threading
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler
from pathlib import Path
from playwright.sync_api import sync_playwright
from browser_panel import CHROMIUM, CHROMIUM_ARGS, OUT, outcome, machine_paths

SITE = Path(__file__).resolve().parent.parent/'_docs'/'html'

class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args): pass

def broken_images(page) -> list[str]:
    "The sources of the page's images that did not load."
    return page.evaluate("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")

def check_page(page, url: str, name: str, min_images: int, texts: list[str]):
    page.goto(url)
    page.wait_for_load_state('load')
    body = page.locator('article').inner_text()
    for t in texts: assert t in body, f"{name}: {t!r} is not on the page"
    assert '#|' not in body, f"{name}: nbdev directives are shown"
    n = page.locator('article img').count()
    assert n >= min_images, f"{name}: {n} images, expected at least {min_images}"
    assert not broken_images(page), f"{name}: images did not load: {broken_images(page)}"
    assert not machine_paths(page, 'article'), f"{name}: the page shows paths of this machine: {machine_paths(page, 'article')}"
    page.screenshot(path=str(OUT/f'docs_{name}.png'))
    print(f"{name}: {n} images, all loaded")

def check_site(base: str) -> str:
    "Open the front page, a chapter and the API page of the site at `base` and check each; return where the screenshots are."
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={'width': 1300, 'height': 1000})
        check_page(page, f'{base}/index.html', 'front', 1, ['learning-to-learn', 'ltl_train'])
        assert page.locator('nav a[href="09b_results.html"]').count() >= 1, "the front page does not link the chapters"
        check_page(page, f'{base}/09b_results.html', 'chapter', 8, ['Results', 'ProtoNet', 'More images per class'])
        assert page.locator('article table').count() >= 10, "the chapter's Markdown tables are not rendered as tables"
        check_page(page, f'{base}/api.html', 'api', 0, ['API reference', 'learning_to_learn.training.TrainConfig', 'Parameters', 'classes per task'])
        assert page.locator('article dl.field-list').count() > 10, "the API page does not render Parameters as field lists"
        browser.close()
    return f"screenshots: {OUT}/docs_*.png"

def main() -> int:
    if not (SITE/'index.html').exists():
        print(f"no site in {SITE}; build it with python docs/build.py", file=sys.stderr); return 1
    OUT.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(QuietHandler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try: return outcome('docs browser test', lambda: check_site(f'http://127.0.0.1:{server.server_address[1]}'))
    finally: server.shutdown()

if __name__ == '__main__': sys.exit(main())
