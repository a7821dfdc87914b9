"""What the books app adds to shared pages: its tab and dashboard card, its own chapters, the review's
"Buku terakhir" column, and the change listener that marks draft books stale after a reported change."""

from django.utils.translation import gettext_lazy as _


def register():
    from core.registry import (
        HomePanel,
        Panel,
        Tab,
        register_change_listener,
        register_home_panel,
        register_panel,
        register_tab,
    )

    from . import chapters, panels, reviewing, services

    register_tab(Tab("books", _("Buku"), "books:index", 60))
    register_panel(Panel("books", "books/partials/panel.html", panels.dashboard_panel, 60))
    register_home_panel(HomePanel("books.opd_extract", "books/partials/home_extract.html", panels.opd_home, 25))
    chapters.register()
    register_change_listener("books", services.note_change)  # draft books go stale after a reported change
    reviewing.register()
    _register_texts()


def _register_texts():
    from core import registry

    from .editing import TEXTS_SECTION
    from .models import Edition, FrontMatter
    from .sections import serialize_texts

    registry.register_section(
        registry.Section(
            TEXTS_SECTION,
            _("Pendahuluan, landasan hukum, metodologi, dan penutup"),
            serialize_texts,
            "books:texts",
            950,
            "books",
        )
    )
    registry.register_model_section(Edition, TEXTS_SECTION)
    registry.register_model_section(FrontMatter, TEXTS_SECTION)
    registry.register_history(
        registry.HistorySource(
            FrontMatter,
            "masterplan",
            section_key=TEXTS_SECTION,
            url_name="books:texts",
            describe=lambda row: f"{row.head_title} {row.head_name}".strip() or "Data pengesahan buku",
        )
    )
    registry.register_history(
        registry.HistorySource(
            Edition,
            "masterplan",
            section_key=TEXTS_SECTION,
            url_name="books:texts",
            describe=lambda row: f"Edisi {row.book_key}" + (f" {row.date:%d-%m-%Y}" if row.date else ""),
        )
    )
