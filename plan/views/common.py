"""What every page of the Rencana tab shares: the sub-navigation and the page context."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

NAV_ANALYSIS = [
    ("profile", _("Profil daerah"), "plan:profile"),
    ("readiness", _("Kesiapan daerah"), "plan:readiness"),
    ("swot", _("SWOT dan kesenjangan"), "plan:swot"),
    ("applications", _("Aplikasi eksisting"), "plan:applications"),
    ("institutions", _("Kelembagaan"), "plan:institutions"),
]
NAV_MASTERPLAN = [
    ("vision", _("Visi, misi, arah"), "plan:vision"),
    ("strategies", _("Strategi dan sasaran"), "plan:strategies"),
    ("programmes", _("Program dan rencana aksi"), "plan:programmes"),
    ("roadmap", _("Peta jalan"), "plan:roadmap"),
    ("financing", _("Pembiayaan"), "plan:financing"),
    ("consistency", _("Pemeriksaan konsistensi"), "plan:consistency"),
    ("settings", _("Pengaturan horizon"), "plan:settings"),
]


def page(request, template, access, plan_page, status=200, **context):
    context.update(
        access=access,
        masterplan=access.masterplan,
        active_tab="plan",
        plan_page=plan_page,
        plan_nav_analysis=NAV_ANALYSIS,
        plan_nav_masterplan=NAV_MASTERPLAN,
    )
    return render(request, template, context, status=status)


def page_key(url_name):
    """The sub-navigation key of a page's URL name ('plan:swot' -> 'swot')."""
    return next((key for key, _label, name in NAV_ANALYSIS + NAV_MASTERPLAN if name == url_name), "")
