import pytest

from core import registry


@pytest.fixture
def section():
    """A registered content section "uji.visi" (the content apps register theirs; none exist in this app)."""
    key = "uji.visi"
    registry.register_section(registry.Section(key, "Visi uji", lambda mp: [], group="masterplan", order=1))
    yield key
    registry._sections.pop(key, None)
