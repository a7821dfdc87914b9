"""The six smart dimensions and their 18 elements (Kominfo, Gerakan Menuju 100 Smart City)."""

from django.db import migrations

# key, name_id, name_en, description_id, description_en, colour (Okabe-Ito, colour-blind safe), hatch pattern
DIMENSIONS = [
    ("governance", "Smart Governance", "Smart Governance",
     "Tata kelola pemerintahan yang efektif, efisien, dan komunikatif, dengan layanan publik yang terus membaik.",
     "Effective, efficient and communicative government, with public services that keep improving.",
     "#0072B2", "solid"),
    ("branding", "Smart Branding", "Smart Branding",
     "Inovasi dalam memasarkan daerah: pariwisata, bisnis, dan wajah kota.",
     "Innovation in marketing the region: tourism, business and the city's appearance.",
     "#CC79A7", "diagonal"),
    ("economy", "Smart Economy", "Smart Economy",
     "Ekosistem ekonomi daerah yang produktif dan sejahtera, dengan transaksi keuangan yang mudah.",
     "A productive, prosperous regional economy with easy financial transactions.",
     "#E69F00", "dots"),
    ("living", "Smart Living", "Smart Living",
     "Lingkungan tempat tinggal yang layak, nyaman, sehat, dan mudah dijangkau.",
     "A liveable, comfortable, healthy and well-connected place to live.",
     "#D55E00", "cross"),
    ("society", "Smart Society", "Smart Society",
     "Masyarakat yang humanis, dinamis, produktif, dan aman; dahulu disebut Smart People.",
     "A humane, dynamic, productive and safe society; formerly called Smart People.",
     "#56B4E9", "horizontal"),
    ("environment", "Smart Environment", "Smart Environment",
     "Lingkungan yang terlindungi, sampah yang terkelola, dan energi yang berkelanjutan.",
     "A protected environment, managed waste and sustainable energy.",
     "#009E73", "vertical"),
]

ELEMENTS = {
    "governance": [
        ("layanan-publik", "Layanan Publik", "Public Service"),
        ("tata-kelola-birokrasi", "Tata Kelola Birokrasi", "Bureaucracy"),
        ("kebijakan-publik", "Kebijakan Publik", "Public Policy"),
    ],
    "branding": [
        ("branding-pariwisata", "Branding Pariwisata", "Tourism Branding"),
        ("branding-bisnis", "Branding Bisnis", "Business Branding"),
        ("wajah-kota", "Wajah Kota", "City Appearance"),
    ],
    "economy": [
        ("industri", "Industri", "Industry"),
        ("kesejahteraan-rakyat", "Kesejahteraan Rakyat", "Welfare"),
        ("ekosistem-transaksi-keuangan", "Ekosistem Transaksi Keuangan", "Transaction Ecosystem"),
    ],
    "living": [
        ("harmonisasi-tata-ruang", "Harmonisasi Tata Ruang", "Spatial Harmony"),
        ("kesehatan", "Kesehatan", "Health"),
        ("mobilitas", "Mobilitas", "Mobility"),
    ],
    "society": [
        ("komunitas", "Komunitas", "Community"),
        ("ekosistem-pendidikan", "Ekosistem Pendidikan", "Learning Ecosystem"),
        ("keamanan", "Keamanan", "Security"),
    ],
    "environment": [
        ("proteksi-lingkungan", "Proteksi Lingkungan", "Environmental Protection"),
        ("pengelolaan-sampah", "Pengelolaan Sampah", "Waste Management"),
        ("pengelolaan-energi", "Pengelolaan Energi", "Energy Management"),
    ],
}


def create(apps, schema_editor):
    Dimension = apps.get_model("masterplan", "Dimension")
    Element = apps.get_model("masterplan", "Element")
    for order, (key, name_id, name_en, desc_id, desc_en, color, pattern) in enumerate(DIMENSIONS, start=1):
        dimension, _ = Dimension.objects.update_or_create(
            key=key,
            defaults={"order": order, "name_id": name_id, "name_en": name_en, "description_id": desc_id,
                      "description_en": desc_en, "color": color, "pattern": pattern},
        )
        for element_order, (element_key, element_id, element_en) in enumerate(ELEMENTS[key], start=1):
            Element.objects.update_or_create(
                key=element_key,
                defaults={"dimension": dimension, "order": element_order, "name_id": element_id, "name_en": element_en},
            )


def remove(apps, schema_editor):
    apps.get_model("masterplan", "Dimension").objects.filter(key__in=[d[0] for d in DIMENSIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("masterplan", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
