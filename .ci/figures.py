"""Every figure a chapter draws is shown: a notebook code cell whose last statement calls a plotting function of the
package (one that builds a figure with `subplots`) must have a picture among its committed outputs. Exits 1 if not."""
import ast, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def plotting_functions() -> set[str]:
    "Names of the package's functions and methods that build a matplotlib figure."
    names = set()
    for path in (ROOT/'learning_to_learn').rglob('*.py'):
        for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                    isinstance(c, ast.Call) and getattr(c.func, 'id', getattr(c.func, 'attr', None)) == 'subplots' for c in ast.walk(node)):
                names.add(node.name)
    return names

def last_call(source: str) -> str | None:
    "The name called by the cell's last statement, if it is a bare call (`f(...)` or `f(...);`)."
    code = '\n'.join(l for l in source.splitlines() if not re.match(r'\s*(#\||%|!)', l))
    try: body = ast.parse(code).body
    except SyntaxError: return None
    if not body or not isinstance(body[-1], ast.Expr) or not isinstance(body[-1].value, ast.Call): return None
    f = body[-1].value.func
    return getattr(f, 'id', getattr(f, 'attr', None))

def missing_figures(nb_path: Path, plotters: set[str]) -> list[str]:
    out = []
    for i, cell in enumerate(json.loads(nb_path.read_text(encoding='utf-8'))['cells']):
        if cell['cell_type'] != 'code': continue
        src = ''.join(cell['source'])
        if re.search(r'^#\|\s*(eval:\s*false|gpu|slow)', src, re.M): continue
        name = last_call(src)
        if name in plotters and not any('image/png' in o.get('data', {}) for o in cell.get('outputs', [])):
            out.append(f"{nb_path.name} cell {i}: ends in {name}(...) but shows no figure")
    return out

def main() -> int:
    plotters = plotting_functions()
    problems = [p for nb in sorted((ROOT/'nbs').glob('*.ipynb')) for p in missing_figures(nb, plotters)]
    for p in problems: print(p)
    print(f"{len(plotters)} plotting functions; {len(problems)} cells end in one without showing its figure")
    return 1 if problems else 0

if __name__ == '__main__': sys.exit(main())
