"""ruff on the package (pyflakes' findings and lines over 120 characters, configured in pyproject.toml), except the first
line of the `__all__` list that nbdev writes itself (it wraps the names at 120 characters, then prefixes `__all__ = `).
Prints the findings and exits 1 if there are any."""
import json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def findings() -> list[dict]:
    p = subprocess.run([sys.executable, '-m', 'ruff', 'check', '--output-format', 'json', 'learning_to_learn'], cwd=ROOT,
                       capture_output=True, text=True)
    return json.loads(p.stdout or '[]')

def written_by_nbdev(f: dict) -> bool:
    line = Path(f['filename']).read_text(encoding='utf-8').splitlines()[f['location']['row'] - 1]
    return f['code'] == 'E501' and line.startswith('__all__ = [')

def main() -> int:
    left = [f for f in findings() if not written_by_nbdev(f)]
    for f in left: print(f"{Path(f['filename']).relative_to(ROOT)}:{f['location']['row']}: {f['code']} {f['message']}")
    print(f"ruff: {len(left)} findings" + ('' if left else " (nbdev's own __all__ lines aside)"))
    return 1 if left else 0

if __name__ == '__main__': sys.exit(main())
