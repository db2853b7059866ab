"""The fingerprint stored with each signature covers exactly the code a signature is computed from."""
import ast
from pathlib import Path

from claims.matching import fingerprint

PACKAGE = Path(fingerprint.__file__).parent


def _own_imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / module).read_text())
    return {f"{node.module}.py" for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}


def test_every_module_a_signature_draws_on_is_fingerprinted():
    for module in fingerprint.SIGNATURE_MODULES:
        assert _own_imports(module) <= set(fingerprint.SIGNATURE_MODULES), module


def test_comparison_rules_are_not_fingerprinted():
    """A new rule in compare.py must not make every stored signature stale."""
    assert "compare.py" not in fingerprint.SIGNATURE_MODULES
    assert "compare.py" not in _own_imports("signature.py")
