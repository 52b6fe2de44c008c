"""The layers of DESIGN 3 hold for every module, imports inside functions included.

portal.core imports nothing of ours; mobility imports mobility and portal.core;
training adds mobility; content adds training; the rest of portal composes
them all. No two modules import each other in a circle.
"""

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGES = ("portal", "mobility", "training", "content")
MAY_IMPORT = {
    "core": {"core"},
    "mobility": {"mobility", "core"},
    "training": {"training", "mobility", "core"},
    "content": {"content", "training", "mobility", "core"},
    "portal": {"portal", "content", "training", "mobility", "core"},
}


def _layer(module):
    return "core" if module == "portal.core" or module.startswith("portal.core.") else module.split(".")[0]


def _modules():
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[0] not in PACKAGES or "migrations" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(modules):
    """{module: {(imported module, line)}}: every import of one of our modules, at any depth of the code."""
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            edges.update((target, node.lineno) for target in targets if target in modules and target != name)
        graph[name] = edges
    return graph


def _cycles(graph):
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(target for target, _line in graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            advanced = False
            for target in targets:
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(t for t, _line in graph[target]))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_no_module_imports_a_higher_layer():
    graph = _imports(_modules())
    upward = sorted(
        f"{module}:{line} imports {target}"
        for module, edges in graph.items()
        for target, line in edges
        if _layer(target) not in MAY_IMPORT[_layer(module)]
    )
    assert upward == []


def test_no_modules_import_each_other_in_a_circle():
    assert _cycles(_imports(_modules())) == []


def test_the_user_model_is_reached_through_get_user_model_outside_portal():
    graph = _imports(_modules())
    direct = sorted(
        f"{module}:{line}"
        for module, edges in graph.items()
        for target, line in edges
        if target == "portal.models" and _layer(module) != "portal"
    )
    assert direct == []


def test_the_checker_sees_an_import_inside_a_function(tmp_path):
    """The graph includes imports written inside functions (they close cycles as well)."""
    modules = {"mobility.a": tmp_path / "a.py", "mobility.b": tmp_path / "b.py"}
    modules["mobility.a"].write_text("def f():\n    from mobility import b\n")
    modules["mobility.b"].write_text("from mobility.a import f\n")
    assert _cycles(_imports(modules)) == [["mobility.a", "mobility.b"]]


def _demo_imports(path):
    names = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return sorted({name for name in names if name.startswith("portal.demo")} - DEMO_FREE)


# The sections are every test's starting point; the demo content is for tests/demo and the journeys.
DEMO_FREE = {"portal.demo", "portal.demo.sections", "portal.demo.sections.seed_sections"}


def test_only_the_demo_tests_and_browser_journeys_use_the_demo_content():
    tests = ROOT / "tests"
    users = sorted(
        f"{path.relative_to(ROOT)}: {', '.join(_demo_imports(path))}"
        for path in tests.rglob("*.py")
        if path.relative_to(tests).parts[0] not in {"demo", "browser"} and _demo_imports(path)
    )
    assert users == []
