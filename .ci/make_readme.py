"""Write README.md from nbs/index.ipynb and BENCHMARKS.md from nbs/benchmarks.ipynb: markdown cells as they are, code
cells as Python blocks with their text output, and cells marked `#| echo: false` as their output alone (a Markdown
table or sentence rendered from a file in nbs/results/, between markers). `--check` also fails if a bold figure of a
generated page lies outside such a rendered block, i.e. was typed rather than read from its file. `--execute` runs the
two notebooks afresh first and fails if their committed outputs render differently: a results file changed without the
notebook that renders it being run again."""
import json, os, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {'index': 'README.md', 'benchmarks': 'BENCHMARKS.md'}
BEGIN, END = '<!-- rendered from nbs/results: edit the file or the function, not this text -->', '<!-- end of rendered text -->'

def cell_text(cell: dict) -> list[str]:
    "What a notebook cell contributes to the page."
    src = ''.join(cell['source']).strip()
    if cell['cell_type'] == 'markdown': return [src]
    if cell['cell_type'] != 'code' or not src or re.match(r'#\|\s*hide', src): return []
    outputs = cell.get('outputs', [])
    if re.search(r'^#\|\s*echo:\s*false', src, re.M):
        shown = [''.join(o['data']['text/markdown']) for o in outputs if 'text/markdown' in o.get('data', {})]
        return [f"{BEGIN}\n{s.strip()}\n{END}" for s in shown]
    text = ''.join(''.join(o.get('text', '')) for o in outputs if o.get('output_type') == 'stream').strip()
    return [f"```python\n{src}\n```"] + ([f"```\n{text}\n```"] if text else [])

def executed(path: Path):
    "The notebook at `path` with every cell run afresh in nbs/, as nbdev_test runs it."
    from execnb.nbio import read_nb
    from execnb.shell import CaptureShell
    nb, here = read_nb(path), os.getcwd()
    os.chdir(ROOT/'nbs')
    try: CaptureShell().run_all(nb, exc_stop=True)
    finally: os.chdir(here)
    return nb

def page(notebook: str, execute: bool = False) -> str:
    path = ROOT/'nbs'/f'{notebook}.ipynb'
    nb = executed(path) if execute else json.loads(path.read_text(encoding='utf-8'))
    parts = [t for cell in nb['cells'] for t in cell_text(cell)]
    return (f"<!-- Generated from nbs/{notebook}.ipynb by .ci/make_readme.py: edit the notebook, not this file. -->\n\n"
            + '\n\n'.join(parts) + '\n')

def typed_figures(text: str) -> list[str]:
    "Bold figures (a number inside **...**) outside the rendered blocks."
    outside = re.sub(re.escape(BEGIN) + r'.*?' + re.escape(END), '', text, flags=re.S)
    return [m for m in re.findall(r'\*\*([^*]+)\*\*', outside) if re.search(r'\d', m)]

def main(check: bool = False, execute: bool = False) -> int:
    bad = []
    for notebook, name in PAGES.items():
        text = page(notebook)
        if execute and page(notebook, execute=True) != text:
            bad.append(f"nbs/{notebook}.ipynb renders differently when run afresh: a results file changed; run the notebook "
                       f"again, then this script")
        (ROOT/name).write_text(text, encoding='utf-8')
        bad += [f"{name}: **{f}** is typed, not rendered from a results file" for f in typed_figures(text)]
    for b in bad: print(b)
    return 1 if check and bad else 0

if __name__ == '__main__': sys.exit(main('--check' in sys.argv, '--execute' in sys.argv))
