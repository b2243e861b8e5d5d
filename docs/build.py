"""Build the documentation site with Jupyter Book 1 from the committed notebooks, without executing them.

`python docs/build.py` copies `nbs/*.ipynb` and `nbs/images/` into `_docs/src/` with nbdev's directives taken out
(`#| hide` cells dropped, `#| echo: false` cells shown by their output alone, `#| export` and other `#| ...` lines
removed), writes an API reference page of the exported modules (Sphinx autodoc, so the docstrings and their
docments-built Parameters sections), and builds the HTML into `_docs/html/`. Open it with
`python -m http.server -d _docs/html` and http://127.0.0.1:8000.
(nbdev's own `nbdev_docs` needs Quarto, which cannot be installed here.)
"""
import ast, json, re, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC, HTML = ROOT/'_docs'/'src', ROOT/'_docs'/'html'
DIRECTIVE = re.compile(r'^\s*#\|')

def page_cells(cells: list[dict]) -> list[dict]:
    """The cells a reader sees: no `#| hide` cells, no `#| ...` lines, no cells left empty by that; `#| echo: false`
    cells (a table or sentence rendered from a results file) show their output without their code."""
    out = []
    for cell in cells:
        lines = ''.join(cell['source']).splitlines(keepends=True)
        if cell['cell_type'] == 'code':
            if any(re.match(r'^\s*#\|\s*hide\b', l) for l in lines): continue
            if any(re.match(r'^\s*#\|\s*echo:\s*false\b', l) for l in lines):
                meta = cell.get('metadata', {})
                cell = {**cell, 'metadata': {**meta, 'tags': [*meta.get('tags', []), 'remove-input']}}
            lines = [l for l in lines if not DIRECTIVE.match(l)]
            if not ''.join(lines).strip(): continue
            lines[-1] = lines[-1].rstrip('\n')
        out.append({**cell, 'source': lines})
    return out

ROOT_PAGES = ('index', 'benchmarks')   # the sources of README.md and BENCHMARKS.md: links written for the repository root

def page_links(text: str) -> str:
    "Links of the front page and the benchmarks page, written for the repository root, made relative to the site."
    return text.replace('](nbs/', '](').replace('](BENCHMARKS.md)', '](benchmarks.ipynb)')

def prepare_notebook(src: Path, dest: Path):
    nb = json.loads(src.read_text(encoding='utf-8'))
    nb['cells'] = page_cells(nb['cells'])
    if src.stem in ROOT_PAGES:
        for c in nb['cells']:
            if c['cell_type'] == 'markdown': c['source'] = page_links(''.join(c['source'])).splitlines(keepends=True)
            for o in c.get('outputs', []):   # the rendered results (`#| echo: false` cells) link too
                if 'text/markdown' in o.get('data', {}):
                    o['data']['text/markdown'] = page_links(''.join(o['data']['text/markdown'])).splitlines(keepends=True)
    dest.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding='utf-8')

def modules() -> list[str]:
    "The exported modules from nbdev's index of the package, in the order of their chapters."
    tree = ast.parse((ROOT/'learning_to_learn'/'_modidx.py').read_text(encoding='utf-8'))
    d = ast.literal_eval(next(n.value for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == 'd'))
    chapter = lambda m: re.search(r'File to edit: \.\./nbs/(\S+)\.ipynb', (ROOT/(m.replace('.', '/') + '.py')).read_text(encoding='utf-8')).group(1)
    return sorted(d['syms'], key=chapter)

def api_page(mods: list[str]) -> str:
    "An API reference in MyST: each module's docstring and every name in its `__all__`, with signatures and parameters."
    parts = ['# API reference\n', 'Every name the package exports, module by module, with its signature and docstring; '
             'the parameters come from the comments beside them in the notebooks (docments).\n']
    for m in mods: parts.append(f"## `{m}`\n\n```{{eval-rst}}\n.. automodule:: {m}\n   :members:\n   :undoc-members:\n```\n")
    return '\n'.join(parts)

def prepare():
    if SRC.exists(): shutil.rmtree(SRC)
    SRC.mkdir(parents=True)
    for f in ('_config.yml', '_toc.yml'): shutil.copy(ROOT/'docs'/f, SRC/f)
    for nb in sorted((ROOT/'nbs').glob('*.ipynb')): prepare_notebook(nb, SRC/nb.name)
    shutil.copytree(ROOT/'nbs'/'images', SRC/'images')
    (SRC/'api.md').write_text(api_page(modules()), encoding='utf-8')

def main() -> int:
    prepare()
    if HTML.exists(): shutil.rmtree(HTML)
    # jupyter-book names its own output folder, which is not the one to open: its output is shown only if it fails
    build = subprocess.run([str(Path(sys.executable).parent/'jupyter-book'), 'build', str(SRC), '--path-output', str(ROOT/'_docs'/'build'), '--warningiserror', '--keep-going', '--quiet'],
                           capture_output=True, text=True)
    if build.returncode != 0:
        print(build.stdout + build.stderr, end='', file=sys.stderr)
        print("site build failed", file=sys.stderr)
        return build.returncode
    shutil.copytree(ROOT/'_docs'/'build'/'_build'/'html', HTML)
    site = HTML.relative_to(ROOT)
    print(f"site built in {site}; open it with: python -m http.server -d {site} -b 127.0.0.1 8000, then http://127.0.0.1:8000")
    return 0

if __name__ == '__main__': sys.exit(main())
