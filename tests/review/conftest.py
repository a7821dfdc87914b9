import pytest

from core import registry


@pytest.fixture
def section():
    """A registered content section "uji.visi" (the content apps register theirs; none exist in this app)."""
    key = "uji.visi"
    registry.register_section(registry.Section(key, "Visi uji", lambda mp: [], group="masterplan", order=1))
    yield key
    registry._sections.pop(key, None)


@pytest.fixture
def model_section(section):
    from masterplan.models import Membership

    registry.register_model_section(Membership, section)
    yield section
    registry._model_sections.pop(Membership._meta.label_lower, None)
