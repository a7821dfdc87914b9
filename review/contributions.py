"""What the review app adds to shared pages: its tab, dashboard and home panels, and the activity stream's
sources (the masterplan, OPDs, memberships, section reviews, comments)."""

from django.utils.translation import gettext_lazy as _


def register():
    from core import registry
    from masterplan.models import OPD, Masterplan, Membership

    from . import panels
    from .models import Comment, SectionReview

    registry.register_tab(registry.Tab("review", _("Review"), "review:page", 70))
    registry.register_panel(
        registry.Panel("review", "review/partials/dashboard_panel.html", panels.dashboard_panel, 70)
    )
    registry.register_home_panel(
        registry.HomePanel("review.expert", "review/partials/home_panel.html", panels.expert_home, 20)
    )
    registry.register_home_panel(
        registry.HomePanel("review.programme", "review/partials/programme_home.html", panels.programme_home, 10)
    )
    registry.register_history(
        registry.HistorySource(Masterplan, "id", url_name="masterplan:dashboard", describe=lambda r: r.title)
    )
    registry.register_history(
        registry.HistorySource(
            OPD, "region", by_region=True, url_name="masterplan:opds", describe=lambda r: f"{r.acronym}: {r.name}"
        )
    )
    registry.register_history(
        registry.HistorySource(
            Membership,
            "masterplan",
            opd_path="opd",
            url_name="masterplan:members",
            select_related=("user",),
            describe=lambda r: f"{r.user.display_name if r.user else '?'} · {r.get_role_display()}",
        )
    )
    registry.register_history(
        registry.HistorySource(
            SectionReview,
            "masterplan",
            section_field="section_key",
            url_name="review:page",
            select_related=("history_user",),
            describe=lambda r: (
                f"{_section(r.section_key)}: {r.get_state_display()}" + (f" ({r.note[:80]})" if r.note else "")
            ),
        )
    )
    registry.register_history(
        registry.HistorySource(
            Comment,
            "masterplan",
            opd_path="opd",
            section_field="section_key",
            url_name="review:page",
            describe=lambda r: f"{r.target_label}: {r.body[:80]}",
        )
    )


def _section(key):
    from .sections import section_label

    return section_label(key)
