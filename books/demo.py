"""The demo has no stored exports: the books are made on demand (or a minute after a change).

What the demo region signs: Plt. Bupati Hamdam (he closed Bimtek IV and signed the Komitmen Bersama on
21 September 2022, seed 004), editions dated after it in late 2022, and a generic placeholder emblem drawn here
(not the real lambang daerah, which the region uploads)."""

import datetime
import io

from django.core.files.base import ContentFile

from .models import Edition, FrontMatter

EDITION_DATES = {
    "analisis": datetime.date(2022, 10, 14),
    "masterplan": datetime.date(2022, 11, 18),
    "ringkasan": datetime.date(2022, 11, 18),
    "quickwin": datetime.date(2022, 11, 25),
}


def placeholder_emblem_png(size=360):
    """A simple generic shield (no real coat of arms): a blue shield, a gold border, a star and a rice stalk."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    s = size / 100
    shield = [(15, 8), (85, 8), (85, 50), (50, 94), (15, 50)]
    draw.polygon([(x * s, y * s) for x, y in shield], fill=(212, 160, 23), outline=(90, 60, 0))
    inner = [(21, 14), (79, 14), (79, 48), (50, 85), (21, 48)]
    draw.polygon([(x * s, y * s) for x, y in inner], fill=(31, 78, 121))
    star = [(50, 20), (54, 31), (66, 31), (56, 38), (60, 50), (50, 43), (40, 50), (44, 38), (34, 31), (46, 31)]
    draw.polygon([(x * s, y * s) for x, y in star], fill=(255, 255, 255))
    for i in range(5):  # a stalk of rice grains
        y = 56 + i * 5
        draw.ellipse([(44 * s, y * s), (49 * s, (y + 4) * s)], fill=(240, 200, 60))
        draw.ellipse([(51 * s, y * s), (56 * s, (y + 4) * s)], fill=(240, 200, 60))
    draw.line([(50 * s, 54 * s), (50 * s, 82 * s)], fill=(240, 200, 60), width=max(1, int(s)))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def populate(demo):
    masterplan = demo.masterplan
    if not masterplan.logo:
        masterplan.logo.save("lambang-ppu-contoh.png", ContentFile(placeholder_emblem_png()), save=False)
        masterplan.save(update_fields=["logo"])
    FrontMatter.objects.get_or_create(
        masterplan=masterplan,
        defaults={"head_name": "Hamdam", "head_title": "Plt. Bupati", "place": "Penajam"},
    )
    for key, date in EDITION_DATES.items():
        Edition.objects.get_or_create(masterplan=masterplan, book_key=key, defaults={"date": date})
    demo.say("Buku: pratinjau di tab Buku; ekspor PDF membutuhkan worker Celery (scripts/run.sh).")
    demo.say("Buku: naskah bawaan, kepala daerah (Plt. Bupati Hamdam) dan tanggal edisi di Buku → Naskah.")
