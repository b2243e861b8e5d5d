"Words of markdown prose per line of code in notebooks (directive lines like `#| export` and blank lines excluded)."
import json, re, sys
from pathlib import Path

def prose_ratio(path) -> tuple[int, int]:
    "(words in markdown cells, non-empty non-directive lines in code cells) of the notebook at `path`."
    words = lines = 0
    for c in json.loads(Path(path).read_text())['cells']:
        src = ''.join(c['source'])
        if c['cell_type'] == 'markdown': words += len(re.findall(r"[A-Za-z0-9][\w'’.-]*", src))
        elif c['cell_type'] == 'code': lines += sum(1 for l in src.splitlines() if l.strip() and not l.strip().startswith('#|'))
    return words, lines

if __name__ == '__main__':
    for p in sys.argv[1:]:
        w, l = prose_ratio(p)
        print(f"{p}: {w} words / {l} lines of code = {w/max(l, 1):.2f}")
