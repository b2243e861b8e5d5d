"""Write README.md from nbs/index.ipynb: markdown cells as they are, code cells as Python blocks with their text output."""
import json
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text(encoding='utf-8'))
parts = []
for cell in nb['cells']:
    src = ''.join(cell['source']).strip()
    if cell['cell_type'] == 'markdown': parts.append(src)
    elif cell['cell_type'] == 'code' and src and not src.startswith('#| hide'):
        parts.append(f"```python\n{src}\n```")
        text = ''.join(''.join(o.get('text', '')) for o in cell.get('outputs', []) if o.get('output_type') == 'stream').strip()
        if text: parts.append(f"```\n{text}\n```")
readme = "<!-- Generated from nbs/index.ipynb by .ci/make_readme.py: edit the notebook, not this file. -->\n\n" + '\n\n'.join(parts) + '\n'
(root/'README.md').write_text(readme, encoding='utf-8')
