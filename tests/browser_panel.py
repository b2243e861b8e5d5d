"""Browser test of the training panel: JupyterLab + headless Debian Chromium driven by Playwright.

Starts JupyterLab on a free localhost port with a token, opens a small demo notebook that shows `TrainPanel`,
runs it, clicks Train on the rendered widget, waits for the results, checks that the plot and the accuracy text
are visible, saves a screenshot, and shuts JupyterLab down. Run it with `python tests/browser_panel.py`
(needs `apt-get install chromium` and `pip install playwright`; no browser download).
"""
import json, os, re, secrets, shutil, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path
from playwright.sync_api import sync_playwright

OUT = Path(os.environ.get('LTL_TEST_OUTPUT', Path(__file__).parent/'output'))
CHROMIUM = os.environ.get('LTL_CHROMIUM', shutil.which('chromium') or '/usr/bin/chromium')
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                 '--no-first-run', '--disable-sync', '--disable-quic']      # headless Debian chromium as root, no calls home
DEMO = ("from learning_to_learn.widgets import TrainPanel\n"
        "panel = TrainPanel('data', 'models', test_tasks=8, num_classes=60, hidden_size=8, batch_size=4, num_epochs=2, num_batches=4, num_shots_test=2, val_tasks=8, device='cpu')\n"
        "panel")

# a path of this machine (a temporary folder, a home or work folder): what a screenshot must never show
MACHINE_PATH = re.compile(r"(?<![\w.~])/(?:tmp|work|root|home|Users|private|var)/[^\s'\")]*")

def machine_paths(page, selector: str = 'body') -> list[str]:
    "The machine paths that the page shows under `selector`, in its text or in its input boxes."
    boxes = page.locator(f'{selector} input, {selector} textarea').evaluate_all('els => els.map(e => e.value)')
    return MACHINE_PATH.findall('\n'.join([page.locator(selector).inner_text(), *boxes]))

def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]

def demo_notebook(folder: Path) -> Path:
    cell = dict(cell_type='code', metadata={}, execution_count=None, outputs=[], source=DEMO)
    nb = dict(cells=[cell], metadata=dict(kernelspec=dict(name='python3', display_name='Python 3', language='python')), nbformat=4, nbformat_minor=5)
    (folder/'demo.ipynb').write_text(json.dumps(nb))
    return folder/'demo.ipynb'

def quiet_settings(folder: Path) -> Path:
    "A JupyterLab settings folder that turns off the news and update notifications (no prompt in the screenshot, no calls home)."
    path = folder/'@jupyterlab'/'apputils-extension'/'notification.jupyterlab-settings'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({'fetchNews': 'false', 'checkForUpdates': False}))
    return folder

def wait_for_server(url: str, timeout: float = 90):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200: return
        except OSError: time.sleep(0.5)
    raise TimeoutError(f"JupyterLab did not answer at {url} within {timeout}s")

def outcome(name: str, test) -> int:
    "Run the browser `test`; print that `name` passed (with what `test` returns) or why it failed; return the exit status."
    try:
        print(f"{name} passed; {test()}")
        return 0
    except Exception as e:
        print(f"{name} failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 1

def drive_panel(port: int, token: str) -> str:
    "Open the demo notebook, run it, press Train, and check what the panel shows; return where the screenshot is."
    wait_for_server(f'http://127.0.0.1:{port}/api/status?token={token}')
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={'width': 1400, 'height': 1100})
        page.goto(f'http://127.0.0.1:{port}/lab/tree/demo.ipynb?token={token}')
        page.locator('.jp-Notebook .jp-Cell .cm-content').first.click(timeout=120_000)
        page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=120_000)
        page.keyboard.press('Shift+Enter')
        train = page.get_by_role('button', name='Train')
        train.wait_for(state='visible', timeout=180_000)
        train.click()
        page.get_by_text('test accuracy').wait_for(state='visible', timeout=300_000)
        page.get_by_text('done', exact=True).wait_for(state='visible', timeout=120_000)
        assert page.locator('.widget-image').count() == 3, "expected the plot and the two gallery images"
        plot = page.locator('.widget-image').first
        plot.wait_for(state='visible', timeout=30_000)
        box = plot.bounding_box()
        assert box and box['width'] > 200 and box['height'] > 80, f"the plot is not visible: {box}"
        assert page.get_by_text('run folder').is_visible(), "the run folder is not shown"
        assert page.locator('select option', has_text='ProtoNet').count() == 1, "ProtoNet is not in the algorithm list"
        assert page.get_by_text('chance 20.0%').count() >= 1, "the result does not show chance"
        page.get_by_text('test accuracy').scroll_into_view_if_needed()
        assert page.get_by_text('official Jupyter news').count() == 0, "JupyterLab's news prompt is showing"
        assert not machine_paths(page), f"the page shows paths of this machine: {machine_paths(page)}"
        page.screenshot(path=str(OUT/'panel.png'), full_page=True)
        browser.close()
    return f"screenshot: {OUT/'panel.png'}"

def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    demo_notebook(work)
    port, token = free_port(), secrets.token_hex(16)
    log = open(OUT/'jupyterlab.log', 'w')
    server = subprocess.Popen([sys.executable, '-m', 'jupyterlab', '--no-browser', '--ip=127.0.0.1', f'--port={port}', '--allow-root',
                               f'--ServerApp.token={token}', f'--ServerApp.root_dir={work}', '--LabApp.news_url=', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate'],
                              stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, 'OMP_NUM_THREADS': '1', 'JUPYTERLAB_SETTINGS_DIR': str(quiet_settings(Path(tempfile.mkdtemp())))})
    try: return outcome('browser test', lambda: drive_panel(port, token))
    finally:
        server.terminate()
        try: server.wait(20)
        except subprocess.TimeoutExpired: server.kill()
        log.close()

if __name__ == '__main__': sys.exit(main())
