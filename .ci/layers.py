"""The package reads as layers: no import cycle among its modules (imports inside functions count too; a module's
`if __name__ == '__main__':` block does not, since it runs only when the module is a command, never on import), and no
name defined at the top level of two modules (methods added to a class with fastcore's `patch_to` are the class's, not
the module's). Prints what it finds and exits 1 if anything."""
import ast, sys
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent/'learning_to_learn'

def module_name(path: Path) -> str:
    parts = path.relative_to(PKG.parent).with_suffix('').parts
    return '.'.join(parts[:-1] if parts[-1] == '__init__' else parts)

def imports(path: Path, name: str) -> set[str]:
    "The package's modules that the module at `path` imports anywhere in its code."
    package = name if path.name == '__init__.py' else name.rpartition('.')[0]
    found, tree = set(), ast.parse(path.read_text(encoding='utf-8'))
    tree.body = [n for n in tree.body if not is_main_block(n)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import): found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ''
            if node.level:
                up = package.split('.')[:len(package.split('.')) - node.level + 1]
                base = '.'.join(up + ([base] if base else []))
            found.add(base)
            found |= {f'{base}.{a.name}' for a in node.names}
    return found

def is_main_block(node) -> bool:
    "Whether `node` is `if __name__ == '__main__': ...`."
    return (isinstance(node, ast.If) and isinstance(node.test, ast.Compare) and getattr(node.test.left, 'id', None) == '__name__'
            and any(getattr(c, 'value', None) == '__main__' for c in node.test.comparators))

def patched(node) -> bool:
    "Whether a function is a method added to a class with `@patch_to(...)`."
    return any(isinstance(d, ast.Call) and getattr(d.func, 'id', None) == 'patch_to' for d in node.decorator_list)

def top_level_names(path: Path) -> set[str]:
    names = set()
    for node in ast.parse(path.read_text(encoding='utf-8')).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and patched(node): continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): names.add(node.name)
        elif isinstance(node, ast.Assign): names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name): names.add(node.target.id)
    return names - {'__all__', 'd'}

def main() -> int:
    files = {module_name(p): p for p in sorted(PKG.rglob('*.py')) if p.name != '_modidx.py'}
    graph = {m: {i for i in imports(p, m) if i in files and i != m} for m, p in files.items()}
    problems, state = [], {}
    def visit(m, stack):
        state[m] = 'open'
        for n in sorted(graph[m]):
            if state.get(n) == 'open': problems.append('import cycle: ' + ' -> '.join(stack[stack.index(n):] + [n]))
            elif n not in state: visit(n, stack + [n])
        state[m] = 'done'
    for m in files:
        if m not in state: visit(m, [m])
    owners = {}
    for m, p in files.items():
        for name in top_level_names(p): owners.setdefault(name, []).append(m)
    problems += [f"{name} is defined in {len(ms)} modules: {', '.join(ms)}" for name, ms in sorted(owners.items()) if len(ms) > 1]
    for p in problems: print(p)
    print(f"{len(files)} modules: {'no import cycle, no name defined twice' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0

if __name__ == '__main__': sys.exit(main())
