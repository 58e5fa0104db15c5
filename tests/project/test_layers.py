"""The layering of docs/architecture.md holds: import-linter's contracts in pyproject.toml, and
the rules they cannot express (no HTTP in services and selectors)."""

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("project", "safety", "accounts", "relationships", "avatars", "attachments", "moments")


def lint_imports(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    command = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run(
        [sys.executable, "-c", command, "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
    )


def test_the_apps_are_layered_and_no_package_has_an_import_circle():
    result = lint_imports(ROOT, "--config", "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("files", "broken"),
    [
        # a service that imports its task while the task imports the service
        ({"toy/services.py": "from toy import tasks\n", "toy/tasks.py": "from toy import services\n"}, "cycles"),
        # a lower app reaching up
        ({"low/models.py": "import high.models\n", "high/models.py": "import low.models\n"}, "not allowed"),
    ],
)
def test_the_same_contracts_catch_a_new_circle_or_a_reversed_layer(tmp_path, files, broken):
    for name, code in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).parent.joinpath("__init__.py").touch()
        (tmp_path / name).write_text(code)
    (tmp_path / "pyproject.toml").write_text(
        textwrap.dedent(
            """
            [tool.importlinter]
            root_packages = ["toy", "low", "high"]
            [[tool.importlinter.contracts]]
            name = "layers"
            type = "layers"
            layers = ["high", "low"]
            [[tool.importlinter.contracts]]
            name = "circles"
            type = "acyclic_siblings"
            ancestors = ["toy"]
            """
        )
    )
    (tmp_path / "toy").mkdir(exist_ok=True)
    (tmp_path / "toy" / "__init__.py").touch()
    for package in ("low", "high"):
        (tmp_path / package).mkdir(exist_ok=True)
        (tmp_path / package / "__init__.py").touch()
    result = lint_imports(tmp_path, "--config", "pyproject.toml")
    assert result.returncode == 1 and broken in result.stdout, result.stdout + result.stderr


def _edge_modules() -> list[Path]:
    """Every services and selectors module (or package) of the apps."""
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if any(part in ("services", "selectors") for part in parts):
                found.append(path)
    return found


FORBIDDEN = ("rest_framework", "django.http", "django.shortcuts", "drf_spectacular", "channels")


def test_no_service_or_selector_speaks_http():
    """Services and selectors raise ApplicationError; only the edges know HTTP (or sockets)."""
    modules = _edge_modules()
    assert len(modules) >= 15  # the scan sees them all
    offenders = []
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
            ]
    assert offenders == []
