from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RpjmdConfig(AppConfig):
    name = "rpjmd"
    verbose_name = "RPJMD"

    def ready(self):
        from core import registry

        from . import contributions as c
        from . import reviewing

        registry.register_tab(registry.Tab("rpjmd", _("RPJMD"), "rpjmd:index", order=20))
        registry.register_panel(registry.Panel("rpjmd", "rpjmd/panel.html", c.panel_context, order=20, cached=True))
        registry.register_section(
            registry.Section("rpjmd.misi", _("Visi dan misi RPJMD"), c.serialize_misi, "rpjmd:index", 20, "analysis")
        )
        registry.register_section(
            registry.Section(
                "rpjmd.programs", _("Pemetaan program RPJMD"), c.serialize_programs, "rpjmd:mapping", 25, "analysis"
            )
        )
        registry.register_metric(
            registry.Metric("rpjmd.imported", _("RPJMD sudah diimpor"), c.measure_imported, "rpjmd:index")
        )
        registry.register_metric(
            registry.Metric(
                "rpjmd.misi_mapped", _("Setiap misi dipetakan ke dimensi"), c.measure_misi_mapped, "rpjmd:visi_misi"
            )
        )
        registry.register_metric(
            registry.Metric(
                "rpjmd.all_opds_mapped",
                _("Setiap OPD sudah memetakan programnya"),
                c.measure_all_opds_mapped,
                "rpjmd:coverage",
            )
        )
        registry.register_chapter(
            registry.Chapter(
                "analisis",
                "rpjmd-visi-misi",
                _("Visi dan Misi RPJMD"),
                "books/rpjmd/visi_misi.html",
                c.chapter_visi_misi,
                order=30,
            )
        )
        registry.register_chapter(
            registry.Chapter(
                "analisis",
                "rpjmd-pemetaan",
                _("Pemetaan Program RPJMD ke Dimensi Smart City"),
                "books/rpjmd/pemetaan.html",
                c.chapter_mapping,
                order=60,
            )
        )
        reviewing.register()
