"""The six quick wins Penajam Paser Utara chose in 2022 (seed 004), in full, with progress over 2022-2023,
plus a few candidates that were not chosen. Idempotent: an existing quick win is left as it is."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from masterplan.models import Dimension, Element

from . import services
from .models import Budget, Partner, QuickWin, QuickWinIndicator, QuickWinOwner, SelectionWeights

D = datetime.date

QUICKWINS = [
    {
        "short_name": "Puspita",
        "full_name": "Pusat Promosi dan Informasi Pariwisata",
        "dimension": "branding",
        "element": "branding-pariwisata",
        "innovation_type": "product",
        "owners": [(2022, "Dispar"), (2023, "Dispar")],
        "problem": "Informasi destinasi wisata PPU (Pantai Tanjung Jumlai, Goa Tapak Raja, wisata mangrove Maridan) "
        "tersebar di akun media sosial pribadi dan tidak diperbarui. Wisatawan dan pendatang IKN tidak menemukan "
        "jadwal acara, harga tiket, maupun akses transportasi.",
        "beneficiaries": "Wisatawan domestik, pekerja dan pendatang di kawasan IKN Nusantara, pelaku usaha wisata dan UMKM.",
        "solution": "Satu pusat promosi di gedung Dispar dan portal puspita.penajamkab.go.id berisi katalog destinasi, "
        "kalender acara, paket wisata, dan peta digital, dikelola bersama Pokdarwis.",
        "benefits": "Kunjungan wisata naik, UMKM wisata lebih mudah dipasarkan, citra PPU sebagai gerbang IKN menguat.",
        "novelty": "Pertama kali data destinasi, acara, dan paket wisata dikelola satu pintu dan diperbarui oleh Pokdarwis.",
        "location": "Kantor Dinas Pariwisata, Penajam; destinasi di empat kecamatan",
        "start_date": D(2022, 10, 1),
        "end_date": D(2023, 12, 31),
        "resources_people": "2 pengelola konten Dispar, 1 pranata komputer Diskominfo, 12 anggota Pokdarwis.",
        "resources_facilities": "Ruang pusat informasi, layar informasi, server di pusat data Diskominfo.",
        "sustainability_regulation": "Perbup tentang pengelolaan informasi kepariwisataan (rancangan 2023).",
        "sustainability_institution": "UPT pusat informasi di bawah Dispar; Pokdarwis sebagai kontributor konten.",
        "sustainability_resources": "Anggaran pemeliharaan APBD Dispar tiap tahun.",
        "sustainability_business_model": "Ruang promosi berbayar untuk biro perjalanan dan hotel.",
        "risks": "Konten tidak diperbarui: jadwal pembaruan bulanan dan akun Pokdarwis.\n"
        "Rendahnya kunjungan portal: promosi bersama hotel dan bandara Sepinggan.",
        "status": "implementation",
        "chosen": True,
        "scores": (5, 4, 4, 4, 4),
        "partners": [
            ("community", "Pokdarwis Tanjung Jumlai", "Konten dan pemandu wisata"),
            ("private", "PHRI Penajam Paser Utara", "Paket wisata hotel"),
            ("university", "Politeknik Negeri Balikpapan", "Fotografi dan desain"),
        ],
        "budgets": [(2022, "apbd", 185_000_000), (2023, "apbd", 240_000_000), (2023, "private", 50_000_000)],
        "indicators": [
            ("Destinasi terdokumentasi di portal", "destinasi", "4", "25"),
            ("Kunjungan wisatawan per tahun", "orang", "68.000", "90.000"),
        ],
        "updates": [
            (
                D(2022, 11, 15),
                10,
                "planning",
                "Konsep pusat informasi dan struktur portal disepakati bersama Pokdarwis.",
            ),
            (D(2023, 2, 28), 35, "build", "Portal versi awal berisi 12 destinasi; ruang pusat informasi direnovasi."),
            (D(2023, 6, 30), 60, "implementation", "Pusat informasi dibuka; 20 destinasi dan kalender acara daring."),
            (
                D(2023, 11, 30),
                80,
                "implementation",
                "25 destinasi, 6 paket wisata bersama PHRI, 14.000 kunjungan portal.",
            ),
        ],
    },
    {
        "short_name": "Serbu Gass",
        "full_name": "Seratus Bank Unit Sampah dan Gerakan Sedekah Sampah",
        "dimension": "environment",
        "element": "pengelolaan-sampah",
        "innovation_type": "program",
        "owners": [(2022, "DLH"), (2023, "DLH")],
        "problem": "TPA Buluminung hampir penuh; baru 18 bank sampah aktif dan sebagian besar sampah rumah tangga "
        "dibakar atau dibuang ke sungai.",
        "beneficiaries": "Rumah tangga di 54 desa dan kelurahan, pengurus bank sampah, pengepul.",
        "solution": "Seratus unit bank sampah di desa dan kelurahan dengan pencatatan tabungan digital, ditambah "
        "gerakan sedekah sampah Jumat di masjid, gereja dan sekolah yang hasilnya untuk kegiatan sosial.",
        "benefits": "Sampah ke TPA berkurang, warga mendapat tabungan, kegiatan sosial terbiayai.",
        "novelty": "Bank sampah dihubungkan dengan sedekah: nilai sampah menjadi dana sosial rumah ibadah dan sekolah.",
        "location": "Seluruh kecamatan (Penajam, Waru, Babulu, Sepaku)",
        "start_date": D(2022, 9, 1),
        "end_date": D(2023, 12, 31),
        "resources_people": "Penyuluh lingkungan DLH, fasilitator desa, pengurus bank sampah.",
        "resources_facilities": "Timbangan digital, gerobak pilah, aplikasi buku tabungan sampah.",
        "sustainability_regulation": "Rancangan Perbup tentang Bank Sampah (diajukan 2023).",
        "sustainability_institution": "Bank Sampah Induk Kabupaten di bawah DLH.",
        "sustainability_resources": "Dana desa untuk sarana bank sampah unit.",
        "sustainability_business_model": "Selisih harga jual ke pengepul membiayai operasional bank sampah induk.",
        "risks": "Harga sampah anjlok: kontrak pembelian dengan industri daur ulang.\n"
        "Pengurus tidak aktif: insentif dan pelatihan berkala.",
        "status": "implementation",
        "chosen": True,
        "scores": (5, 4, 5, 3, 5),
        "partners": [
            ("community", "Forum Bank Sampah PPU", "Pendampingan pengurus"),
            ("private", "PT Pertamina Hulu Kalimantan Timur", "CSR timbangan dan gerobak"),
            ("bank", "Bank Kaltimtara Cabang Penajam", "Rekening tabungan sampah"),
        ],
        "budgets": [(2022, "apbd", 350_000_000), (2023, "apbd", 420_000_000), (2023, "private", 150_000_000)],
        "indicators": [
            ("Bank sampah unit aktif", "unit", "18", "100"),
            ("Sampah terkelola di bank sampah", "ton/bulan", "6", "40"),
        ],
        "updates": [
            (D(2022, 10, 31), 15, "build", "32 bank sampah unit terbentuk; pelatihan pengurus gelombang I."),
            (D(2023, 3, 31), 40, "implementation", "58 bank sampah unit; sedekah sampah di 40 masjid dan 12 sekolah."),
            (D(2023, 8, 31), 65, "implementation", "81 bank sampah unit, 21 ton sampah terkelola per bulan."),
            (D(2023, 12, 15), 85, "evaluation", "97 bank sampah unit; evaluasi bersama Forum Bank Sampah."),
        ],
    },
    {
        "short_name": "Go PPU",
        "full_name": "Portal Layanan Publik Terpadu Penajam Paser Utara",
        "dimension": "governance",
        "element": "layanan-publik",
        "innovation_type": "technology",
        "owners": [(2022, "Diskominfo"), (2023, "Diskominfo")],
        "problem": "Warga harus datang ke banyak kantor dan mengunduh aplikasi berbeda untuk perizinan, kependudukan "
        "dan pengaduan; 43 aplikasi OPD tidak saling terhubung.",
        "beneficiaries": "Warga, pelaku usaha, dan OPD penyelenggara layanan.",
        "solution": "Satu aplikasi dan portal Go PPU dengan akun tunggal yang menghubungkan layanan Disdukcapil, "
        "DPMPTSP, pengaduan SP4N-LAPOR! dan informasi publik.",
        "benefits": "Waktu layanan lebih singkat, pengaduan terlacak, data layanan terpadu untuk pimpinan.",
        "novelty": "Akun tunggal warga lintas OPD dan dasbor layanan untuk Bupati.",
        "location": "Daring; Mal Pelayanan Publik Penajam",
        "start_date": D(2022, 10, 1),
        "end_date": D(2023, 12, 31),
        "resources_people": "Tim pengembang Diskominfo (4 orang), admin layanan di tiap OPD.",
        "resources_facilities": "Pusat data Diskominfo, integrasi API dengan SIAK terpusat.",
        "sustainability_regulation": "Perbup tentang Sistem Pemerintahan Berbasis Elektronik (SPBE).",
        "sustainability_institution": "Tim Koordinasi SPBE Kabupaten.",
        "sustainability_resources": "Anggaran SPBE Diskominfo.",
        "sustainability_business_model": "Layanan pemerintah tanpa biaya bagi warga.",
        "risks": "OPD enggan berintegrasi: target integrasi dalam perjanjian kinerja kepala OPD.\n"
        "Keamanan data: uji penetrasi bersama BSSN.",
        "status": "build",
        "chosen": True,
        "scores": (5, 3, 3, 3, 5),
        "partners": [
            ("government", "Badan Siber dan Sandi Negara", "Uji keamanan"),
            ("telecom", "PT Telkom Indonesia Witel Balikpapan", "Jaringan dan pusat data"),
        ],
        "budgets": [(2022, "apbd", 275_000_000), (2023, "apbd", 610_000_000)],
        "indicators": [
            ("Layanan terintegrasi di Go PPU", "layanan", "0", "20"),
            ("Pengguna terdaftar", "akun", "0", "15.000"),
        ],
        "updates": [
            (D(2022, 12, 15), 15, "planning", "Arsitektur dan daftar 20 layanan prioritas disepakati Tim SPBE."),
            (D(2023, 5, 31), 40, "build", "Modul akun tunggal dan pengaduan selesai; integrasi SIAK diuji."),
            (D(2023, 10, 31), 55, "build", "9 layanan terintegrasi; uji penetrasi BSSN dijadwalkan."),
        ],
    },
    {
        "short_name": "SIHARPA",
        "full_name": "Sistem Informasi Harga Pasar",
        "dimension": "economy",
        "element": "kesejahteraan-rakyat",
        "innovation_type": "technology",
        "owners": [(2022, "Disperindag"), (2023, "Disperindag")],
        "problem": "Harga bahan pokok di pasar Penajam, Waru dan Babulu berbeda jauh dan melonjak menjelang hari besar; "
        "pemerintah terlambat mengetahui gejolak harga.",
        "beneficiaries": "Konsumen rumah tangga, pedagang pasar, Tim Pengendalian Inflasi Daerah (TPID).",
        "solution": "Petugas pasar memasukkan harga 20 bahan pokok setiap pagi lewat ponsel; harga tampil di situs, "
        "papan informasi pasar dan dasbor TPID dengan peringatan bila naik lebih dari 10 persen.",
        "benefits": "Gejolak harga terdeteksi dini, operasi pasar tepat sasaran, warga membandingkan harga.",
        "novelty": "Peringatan kenaikan harga otomatis untuk TPID dan papan harga digital di pasar.",
        "location": "Pasar Induk Penajam, Pasar Waru, Pasar Babulu",
        "start_date": D(2022, 11, 1),
        "end_date": D(2023, 6, 30),
        "resources_people": "6 petugas pencatat harga, 1 admin Disperindag.",
        "resources_facilities": "Ponsel petugas, 3 papan harga digital.",
        "sustainability_regulation": "SK Bupati tentang TPID.",
        "sustainability_institution": "UPT Pasar di bawah Disperindag.",
        "sustainability_resources": "Honor petugas dari APBD.",
        "sustainability_business_model": "Data harga dipakai bersama Bank Indonesia dan BPS.",
        "risks": "Data tidak diisi: laporan kepatuhan harian ke Kepala Dinas.",
        "status": "evaluation",
        "chosen": True,
        "scores": (4, 5, 5, 5, 4),
        "partners": [
            ("government", "Bank Indonesia Perwakilan Balikpapan", "Pendampingan TPID"),
            ("government", "BPS Kabupaten Penajam Paser Utara", "Metodologi harga"),
        ],
        "budgets": [(2022, "apbd", 95_000_000), (2023, "apbd", 60_000_000)],
        "indicators": [
            ("Komoditas dipantau harian", "komoditas", "0", "20"),
            ("Pasar terhubung", "pasar", "0", "3"),
        ],
        "updates": [
            (D(2022, 12, 1), 30, "build", "Aplikasi pencatatan harga selesai; petugas dilatih."),
            (D(2023, 3, 15), 75, "implementation", "Tiga pasar melapor harian; dasbor TPID aktif."),
            (D(2023, 7, 31), 100, "evaluation", "Papan harga digital terpasang; evaluasi bersama BI."),
        ],
    },
    {
        "short_name": "Internet Taman Rozeline",
        "full_name": "Internet Gratis Taman Rozeline",
        "dimension": "living",
        "element": "harmonisasi-tata-ruang",
        "innovation_type": "program",
        "owners": [(2022, "Diskominfo"), (2023, "Diskominfo")],
        "problem": "Taman Rozeline di tepi Teluk Balikpapan ramai dikunjungi tetapi sinyal seluler lemah; pelajar "
        "dan UMKM di sekitar taman tidak punya akses internet murah.",
        "beneficiaries": "Pengunjung taman, pelajar, pedagang UMKM di kawasan taman.",
        "solution": "Jaringan Wi-Fi publik gratis dengan batas waktu per pengguna, halaman masuk yang menampilkan "
        "informasi layanan pemerintah dan promosi UMKM taman.",
        "benefits": "Ruang publik yang nyaman dan terhubung, UMKM dapat berjualan daring.",
        "novelty": "Halaman masuk Wi-Fi sebagai kanal informasi layanan dan promosi UMKM.",
        "location": "Taman Rozeline, Kelurahan Penajam",
        "start_date": D(2022, 9, 15),
        "end_date": D(2023, 3, 31),
        "resources_people": "Teknisi jaringan Diskominfo.",
        "resources_facilities": "6 titik akses luar ruang, jaringan serat optik 100 Mbps.",
        "sustainability_regulation": "SOP layanan internet publik Diskominfo.",
        "sustainability_institution": "Bidang Infrastruktur TIK Diskominfo.",
        "sustainability_resources": "Langganan bandwidth APBD.",
        "sustainability_business_model": "Iklan UMKM di halaman masuk.",
        "risks": "Perusakan perangkat: kotak pelindung dan pengawasan CCTV.\nPenyalahgunaan: filter konten.",
        "status": "evaluation",
        "chosen": True,
        "scores": (3, 5, 4, 5, 3),
        "partners": [("telecom", "PT Telkom Indonesia Witel Balikpapan", "Jaringan serat optik")],
        "budgets": [(2022, "apbd", 120_000_000), (2023, "apbd", 72_000_000)],
        "indicators": [
            ("Titik akses aktif", "titik", "0", "6"),
            ("Pengguna per bulan", "pengguna", "0", "3.000"),
        ],
        "updates": [
            (D(2022, 10, 10), 50, "build", "Serat optik tersambung; 3 titik akses terpasang."),
            (D(2022, 12, 20), 90, "implementation", "6 titik akses aktif; 2.100 pengguna bulan pertama."),
            (D(2023, 4, 5), 100, "evaluation", "Rata-rata 3.400 pengguna per bulan; halaman UMKM aktif."),
        ],
    },
    {
        "short_name": "Call Center 112",
        "full_name": "Layanan Panggilan Darurat 112",
        "dimension": "society",
        "element": "keamanan",
        "innovation_type": "technology",
        "owners": [(2022, "Diskominfo"), (2023, "BPBD")],
        "problem": "Warga harus menghafal banyak nomor darurat (ambulans, pemadam, polisi, BPBD); laporan kebakaran "
        "dan banjir sering terlambat diteruskan.",
        "beneficiaries": "Seluruh warga dan pendatang di PPU.",
        "solution": "Nomor tunggal 112 bebas pulsa yang diterima operator 24 jam dan diteruskan ke ambulans, pemadam, "
        "polisi, dan BPBD, dengan pencatatan waktu tanggap.",
        "benefits": "Waktu tanggap darurat lebih singkat, laporan tercatat untuk evaluasi.",
        "novelty": "Satu nomor untuk semua kedaruratan dengan pencatatan waktu tanggap lintas instansi.",
        "location": "Ruang operator di Kantor BPBD, Penajam",
        "start_date": D(2022, 10, 1),
        "end_date": D(2023, 12, 31),
        "resources_people": "12 operator dalam 3 sif, koordinator dari BPBD.",
        "resources_facilities": "Ruang operator, perangkat telepon dan radio, aplikasi pencatatan panggilan.",
        "sustainability_regulation": "Perbup tentang Layanan Panggilan Darurat 112.",
        "sustainability_institution": "Pusdalops BPBD sebagai pengelola.",
        "sustainability_resources": "Honor operator dari APBD BPBD.",
        "sustainability_business_model": "Layanan publik tanpa biaya.",
        "risks": "Panggilan iseng: edukasi dan pemblokiran nomor.\nOperator kurang: rekrutmen relawan terlatih.",
        "status": "implementation",
        "chosen": True,
        "scores": (5, 4, 3, 4, 4),
        "partners": [
            ("government", "Kementerian Kominfo (Direktorat Pengendalian Aptika)", "Nomor 112 dan pelatihan"),
            ("government", "Polres Penajam Paser Utara", "Penerusan laporan"),
            ("telecom", "PT Telkomsel", "Perutean panggilan"),
        ],
        "budgets": [(2022, "apbd", 210_000_000), (2023, "apbd", 380_000_000), (2023, "apbn", 100_000_000)],
        "indicators": [
            ("Waktu tanggap rata-rata", "menit", "35", "15"),
            ("Panggilan darurat ditangani", "panggilan/bulan", "0", "300"),
        ],
        "updates": [
            (D(2022, 11, 30), 25, "build", "Perbup disahkan; ruang operator disiapkan; 12 operator direkrut."),
            (D(2023, 2, 14), 60, "implementation", "Peluncuran 112 di Pusdalops BPBD."),
            (D(2023, 9, 30), 75, "implementation", "Rata-rata 240 panggilan per bulan; waktu tanggap 19 menit."),
        ],
    },
    # Candidates that were proposed but not chosen.
    {
        "short_name": "Si Jaka",
        "full_name": "Sistem Informasi Jadwal Kapal Penyeberangan",
        "dimension": "living",
        "element": "mobilitas",
        "innovation_type": "technology",
        "owners": [(2022, "Dishub")],
        "problem": "Jadwal kapal cepat Penajam–Balikpapan sering berubah tanpa pemberitahuan.",
        "solution": "Jadwal dan antrean kapal tampil daring dan di layar pelabuhan.",
        "status": "idea",
        "chosen": False,
        "scores": (4, 3, 4, 3, 3),
    },
    {
        "short_name": "Pasar UMKM Digital",
        "full_name": "Lokapasar UMKM Benuo Taka",
        "dimension": "economy",
        "element": "ekosistem-transaksi-keuangan",
        "innovation_type": "product",
        "owners": [(2022, "Diskop UKM")],
        "problem": "UMKM belum mampu berjualan daring dan menerima pembayaran nontunai.",
        "solution": "Lokapasar daerah dengan QRIS dan pendampingan foto produk.",
        "status": "problem",
        "chosen": False,
        "scores": (4, 2, 3, 2, 4),
    },
    {
        "short_name": "PPU Hijau",
        "full_name": "Penanaman Mangrove Berbasis Komunitas",
        "dimension": "environment",
        "element": "proteksi-lingkungan",
        "innovation_type": "program",
        "owners": [(2022, "DLH")],
        "problem": "Abrasi pantai di pesisir Teluk Balikpapan.",
        "solution": "Adopsi bibit mangrove oleh sekolah dan perusahaan.",
        "status": "idea",
        "chosen": False,
        "scores": (3, 4, 4, 2, 3),
    },
]

SIMPLE_FIELDS = [
    "full_name",
    "innovation_type",
    "problem",
    "beneficiaries",
    "solution",
    "benefits",
    "novelty",
    "location",
    "start_date",
    "end_date",
    "resources_people",
    "resources_facilities",
    "sustainability_regulation",
    "sustainability_institution",
    "sustainability_resources",
    "sustainability_business_model",
    "risks",
    "status",
    "chosen",
]


def _picture(text, color):
    image = Image.new("RGB", (960, 600), color)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 920, 560), outline="white", width=6)
    draw.text((80, 280), text, fill="white", font_size=56)
    out = io.BytesIO()
    image.save(out, "PNG")
    return SimpleUploadedFile(f"{text}.png", out.getvalue(), content_type="image/png")


def _rpjmd_programs(masterplan, opd):
    try:
        from rpjmd.models import RPJMD
    except ImportError:  # pragma: no cover
        return []
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    # Only programmes of the RPJMD mapping: a quick win citing an unmapped code would contradict it.
    return list(rpjmd.programs.filter(opd=opd, primary_dimension__isnull=False)[:2]) if rpjmd else []


def populate(demo):
    masterplan = demo.masterplan
    SelectionWeights.objects.get_or_create(masterplan=masterplan)
    dimensions = {d.key: d for d in Dimension.objects.all()}
    elements = {e.key: e for e in Element.objects.all()}
    user = demo.users["coordinator"]
    created = 0
    for spec in QUICKWINS:
        if QuickWin.objects.filter(masterplan=masterplan, short_name=spec["short_name"]).exists():
            continue
        scores = dict(zip(["impact", "feasibility", "cost", "speed", "rpjmd"], spec["scores"], strict=True))
        programme = _same_programme(masterplan, spec["short_name"])
        quickwin = QuickWin.objects.create(
            masterplan=masterplan,
            short_name=spec["short_name"],
            dimension=programme.dimension if programme else dimensions[spec["dimension"]],
            element=programme.element if programme else elements[spec["element"]],
            programme=programme,
            **{name: spec[name] for name in SIMPLE_FIELDS if name in spec},
            **{f"score_{k}": v for k, v in scores.items()},
        )
        for kind, name, role in spec.get("partners", []):
            Partner.objects.create(quickwin=quickwin, kind=kind, name=name, role=role)
        if programme is not None:
            # One fact in one place: the owner, budget, years and targets are the programme's.
            QuickWinOwner.objects.create(quickwin=quickwin, year=programme.start_year, opd=programme.lead_opd)
            quickwin.plan_programmes.add(programme)
            owner = programme.lead_opd
        else:
            for year, acronym in spec["owners"]:
                QuickWinOwner.objects.create(quickwin=quickwin, year=year, opd=demo.opds[acronym])
            for year, source, amount in spec.get("budgets", []):
                Budget.objects.create(quickwin=quickwin, year=year, source=source, amount=amount)
            for order, (name, unit, baseline, target) in enumerate(spec.get("indicators", []), start=1):
                QuickWinIndicator.objects.create(
                    quickwin=quickwin, name=name, unit=unit, baseline=baseline, target=target, order=order
                )
            owner = demo.opds[spec["owners"][-1][1]]
        if programme is not None:
            quickwin.rpjmd_programs.set(programme.rpjmd_programs.all())  # the programme's own RPJMD base
        else:
            quickwin.rpjmd_programs.set(_rpjmd_programs(masterplan, owner))
        for date, percent, status, note in spec.get("updates", []):
            services.record_progress(
                masterplan=masterplan,
                user=user,
                quickwin=quickwin,
                date=date,
                percent=percent,
                status=status,
                note=note,
            )
        if spec["chosen"]:
            colour = dimensions[spec["dimension"]].color
            services.add_photo(
                masterplan=masterplan,
                quickwin=quickwin,
                uploaded=_picture(spec["short_name"], colour),
                caption=f"{spec['short_name']}: {spec.get('location', '')}",
                user=user,
            )
        created += 1
    linked = _link_programmes(masterplan)
    demo.say(f"Quick win: {created} dibuat ({len(QUICKWINS)} dalam demo, 6 terpilih), {linked} dikaitkan ke program.")


def _same_programme(masterplan, short_name):
    """The masterplan programme named after the quick win ("Go PPU: aplikasi super layanan publik"), if any."""
    from plan.models import Programme

    return (
        Programme.objects.for_masterplan(masterplan)
        .filter(name__istartswith=short_name, same_quickwin__isnull=True)
        .select_related("dimension", "element", "lead_opd")
        .first()
    )


def _link_programmes(masterplan):
    """Each quick win not yet linked gets the masterplan's first programme of its dimension (idempotent)."""
    from plan.models import Programme

    first = {}
    for programme in Programme.objects.for_masterplan(masterplan).order_by("dimension__order", "order", "pk"):
        first.setdefault(programme.dimension_id, programme)
    linked = 0
    for quickwin in QuickWin.objects.for_masterplan(masterplan).filter(plan_programmes__isnull=True):
        if quickwin.dimension_id in first:
            quickwin.plan_programmes.add(first[quickwin.dimension_id])
            linked += 1
    return linked
