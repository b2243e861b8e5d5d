"""Browser test of the sketch pad (nbs/11_your_drawings): JupyterLab + headless Debian Chromium driven by Playwright.

Trains a tiny model in a few seconds (or takes the run folder given as the first argument), starts JupyterLab as the
panel's test does, opens a small notebook that shows `SketchPad` on that run, draws strokes with the mouse on the canvas
for three classes and a query, presses predict, checks that a label and the probability chart appear, saves a
screenshot, and shuts JupyterLab down. Run it with `python tests/browser_sketchpad.py [RUN_FOLDER]`.
"""
import json, math, os, secrets, subprocess, sys, tempfile
from pathlib import Path
from playwright.sync_api import sync_playwright
from browser_panel import CHROMIUM, CHROMIUM_ARGS, OUT, free_port, quiet_settings, wait_for_server, outcome, machine_paths

def tiny_run(folder: Path) -> Path:
    "A run folder with a model meta-trained for a few seconds: enough to adapt and predict."
    from learning_to_learn.training import TrainConfig, meta_train
    return meta_train(TrainConfig(folder=str(folder/'data'), output_folder=str(folder/'models'), num_classes=60, hidden_size=8, batch_size=4,
                                  num_epochs=1, num_batches=4, num_shots_test=2, val_tasks=8, device='cpu'), quiet=True)

def demo_notebook(folder: Path, run: Path) -> Path:
    "A notebook in `folder` that shows the pad on `run`, named from `folder` (where JupyterLab serves it and its kernel runs)."
    source = f"from learning_to_learn.drawings import SketchPad\nSketchPad({run.relative_to(folder).as_posix()!r})"
    cell = dict(cell_type='code', metadata={}, execution_count=None, outputs=[], source=source)
    nb = dict(cells=[cell], metadata=dict(kernelspec=dict(name='python3', display_name='Python 3', language='python')), nbformat=4, nbformat_minor=5)
    (folder/'sketchpad.ipynb').write_text(json.dumps(nb))
    return folder/'sketchpad.ipynb'

# strokes in pad pixels (the pad is 280x280): what the test draws for each class, and the query
LINE = [[(140, 40), (140, 240)]]
CIRCLE = [[(140 + 90*math.cos(t/24*2*math.pi), 140 + 90*math.sin(t/24*2*math.pi)) for t in range(25)]]
CROSS = [[(50, 50), (230, 230)], [(230, 50), (50, 230)]]
QUERY = [[(145, 50), (135, 230)]]

def draw(page, canvas, strokes):
    "Draw `strokes` with the mouse on the canvas element, then wait for the kernel to take in every point."
    box = canvas.bounding_box()
    sx, sy = box['width']/280, box['height']/280
    for stroke in strokes:
        (x, y), *rest = stroke
        page.mouse.move(box['x'] + x*sx, box['y'] + y*sy)
        page.mouse.down()
        for x, y in rest: page.mouse.move(box['x'] + x*sx, box['y'] + y*sy, steps=4)
        page.mouse.up()
    idle(page)

def idle(page):
    page.wait_for_timeout(300)
    page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=60_000)

def press(page, name: str):
    page.get_by_role('button', name=name, exact=True).click()
    idle(page)

def drive_pad(port: int, token: str) -> str:
    "Open the demo notebook, run it, draw three classes and a query, press predict, and check what the pad shows; return where the screenshot is."
    wait_for_server(f'http://127.0.0.1:{port}/api/status?token={token}')
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={'width': 1300, 'height': 950})
        page.goto(f'http://127.0.0.1:{port}/lab/tree/sketchpad.ipynb?token={token}')
        page.locator('.jp-Notebook .jp-Cell .cm-content').first.click(timeout=120_000)
        page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=120_000)
        page.keyboard.press('Shift+Enter')
        canvas = page.locator('.jp-OutputArea-output canvas').first
        canvas.wait_for(state='visible', timeout=120_000)
        idle(page)
        assert page.get_by_text('maml 5-way').count() == 1, "the pad does not say which model it loaded"
        for i, strokes in enumerate((LINE, CIRCLE, CROSS)):
            if i: press(page, 'new class')
            for _ in range(2):
                draw(page, canvas, strokes)
                press(page, 'add example')
        for label in 'ABC': page.get_by_text(f'{label}: 2 examples').wait_for(state='visible', timeout=30_000)
        draw(page, canvas, QUERY)
        press(page, 'predict')
        result = page.get_by_text('prediction:')
        result.wait_for(state='visible', timeout=60_000)
        label = result.inner_text().split(':', 1)[1].split('(')[0].strip()
        assert label in ('A', 'B', 'C'), f"the prediction is not one of the drawn classes: {result.inner_text()!r}"
        assert page.locator('.widget-image').count() == 2, "expected the examples' gallery and the probability chart"
        chart = page.locator('.widget-image').last
        chart.wait_for(state='visible', timeout=30_000)
        box = chart.bounding_box()
        assert box and box['width'] > 200 and box['height'] > 60, f"the probability chart is not visible: {box}"
        assert page.get_by_text('official Jupyter news').count() == 0, "JupyterLab's news prompt is showing"
        assert not machine_paths(page), f"the page shows paths of this machine: {machine_paths(page)}"
        page.screenshot(path=str(OUT/'sketchpad.png'), full_page=True)
        browser.close()
    return f"predicted {label}; screenshot: {OUT/'sketchpad.png'}"

def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    given = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else None
    run = tiny_run(work) if given is None else work/'models'/given.name
    if given:   # linked into the notebook's folder, so that the pad names it models/<its name> as a user's would
        run.parent.mkdir()
        run.symlink_to(given, target_is_directory=True)
    demo_notebook(work, run)
    port, token = free_port(), secrets.token_hex(16)
    log = open(OUT/'jupyterlab_sketchpad.log', 'w')
    server = subprocess.Popen([sys.executable, '-m', 'jupyterlab', '--no-browser', '--ip=127.0.0.1', f'--port={port}', '--allow-root',
                               f'--ServerApp.token={token}', f'--ServerApp.root_dir={work}', '--LabApp.news_url=', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate'],
                              stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, 'OMP_NUM_THREADS': '1', 'JUPYTERLAB_SETTINGS_DIR': str(quiet_settings(Path(tempfile.mkdtemp())))})
    try: return outcome('sketch pad browser test', lambda: drive_pad(port, token))
    finally:
        server.terminate()
        try: server.wait(20)
        except subprocess.TimeoutExpired: server.kill()
        log.close()

if __name__ == '__main__': sys.exit(main())
