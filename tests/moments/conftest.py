import pytest

from moments import services
from tests.conftest import script_llm


@pytest.fixture
def llm(monkeypatch):
    """The completions the Moments services ask for (tests.conftest.script_llm)."""
    return script_llm(monkeypatch, services, '"Baked cinnamon bread this morning, the whole flat smells like autumn."')
