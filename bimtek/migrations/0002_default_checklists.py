"""The default checklist of each bimtek stage (DOMAIN.md): rows without a cohort. A cohort may get its own list."""

from django.db import migrations

DEFAULT_ITEMS = {1: [('plan.readiness_assessed', 'Analisis kesiapan Struktur, Infrastruktur dan Suprastruktur'),
     ('quickwins.idea_per_dimension', 'Ide quick win pertama untuk setiap dimensi'),
     ('bimtek.stage1_recorded', 'Sesi tahap I tercatat (daftar hadir dan notulen)')],
 2: [('rpjmd.imported', 'RPJMD daerah dimuat'),
     ('rpjmd.misi_mapped', 'Misi RPJMD dipetakan ke dimensi'),
     ('rpjmd.all_opds_mapped', 'Program setiap OPD dipetakan ke dimensi'),
     ('plan.swot_per_dimension', 'Analisis kesenjangan dan SWOT per dimensi'),
     ('plan.programmes_per_dimension', 'Daftar program awal per dimensi (1 tahun, 5 tahun, jangka panjang)'),
     ('plan.applications_listed', 'Aplikasi yang sudah berjalan didata'),
     ('bimtek.stage2_recorded', 'Sesi tahap II tercatat (daftar hadir dan notulen)')],
 3: [('plan.vision_set', 'Visi dan misi smart city dirumuskan'),
     ('plan.strategy_per_dimension', 'Strategi untuk setiap dimensi'),
     ('plan.programmes_have_horizons', 'Setiap program punya horizon (pendek, menengah, panjang)'),
     ('quickwins.chosen_per_dimension', 'Satu quick win terpilih untuk setiap dimensi'),
     ('quickwins.chosen_have_progress', 'Quick win terpilih punya persentase capaian'),
     ('bimtek.stage3_recorded', 'Sesi tahap III tercatat (daftar hadir dan notulen)')],
 4: [('plan.years_1_2_plan', 'Rencana tahun 1-2 dan langkah-langkahnya'),
     ('plan.roadmap_set', 'Peta jalan program tersusun'),
     ('plan.institutions_set', 'Kelembagaan (Dewan Smart City, Tim Pelaksana) ditetapkan'),
     ('bimtek.commitment_signed', 'Komitmen Bersama ditandatangani'),
     ('bimtek.stage4_recorded', 'Sesi tahap IV tercatat (daftar hadir dan notulen)')]}


def create(apps, schema_editor):
    ChecklistItem = apps.get_model("bimtek", "ChecklistItem")
    for stage_number, items in DEFAULT_ITEMS.items():
        for order, (metric_key, label) in enumerate(items, start=1):
            ChecklistItem.objects.get_or_create(
                cohort=None,
                stage_number=stage_number,
                metric_key=metric_key,
                defaults={"order": order * 10, "label": label},
            )


def remove(apps, schema_editor):
    apps.get_model("bimtek", "ChecklistItem").objects.filter(cohort__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("bimtek", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
