"""Realistic RPJMD content for the demo, the tests and the benchmark (nomenclature of Kepmendagri 050-5889).

Programmes: (code, name, OPD acronym, misi, [(indicator, unit, baseline, final target)], pagu of the first
year in millions of rupiah, mapping (dimension key, element key) or None).
"""

VISI = "Terwujudnya Penajam Paser Utara yang Maju, Modern dan Religius sebagai Penyangga Utama Ibu Kota Nusantara"

# number, text, dimension keys (Banggai's pattern: misi 1 to Environment and Society, 2 to Economy, ...)
MISI = [
    (
        1,
        "Mewujudkan lingkungan hidup yang lestari serta masyarakat yang sehat, cerdas dan berbudaya",
        ["environment", "society"],
    ),
    (2, "Mewujudkan perekonomian daerah yang berdaya saing berbasis agribisnis, UMKM dan investasi", ["economy"]),
    (3, "Mewujudkan infrastruktur wilayah yang merata dan terpadu sebagai penyangga Ibu Kota Nusantara", ["living"]),
    (4, "Meningkatkan pelayanan kesehatan, perlindungan sosial dan ketenteraman masyarakat", ["living"]),
    (5, "Meningkatkan citra daerah melalui pariwisata, kebudayaan dan promosi investasi", ["branding"]),
    (6, "Mewujudkan tata kelola pemerintahan yang bersih, efektif dan berbasis elektronik", ["governance"]),
]

URUSAN = {
    "1": "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
    "2": "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR",
    "3": "URUSAN PEMERINTAHAN PILIHAN",
    "4": "UNSUR PENDUKUNG URUSAN PEMERINTAHAN",
    "5": "UNSUR PENUNJANG URUSAN PEMERINTAHAN",
    "7": "UNSUR KEWILAYAHAN",
}

BIDANG = {
    "1.01": "URUSAN PEMERINTAHAN BIDANG PENDIDIKAN",
    "1.02": "URUSAN PEMERINTAHAN BIDANG KESEHATAN",
    "1.03": "URUSAN PEMERINTAHAN BIDANG PEKERJAAN UMUM DAN PENATAAN RUANG",
    "1.05": "URUSAN PEMERINTAHAN BIDANG KETENTERAMAN DAN KETERTIBAN UMUM SERTA PERLINDUNGAN MASYARAKAT",
    "1.06": "URUSAN PEMERINTAHAN BIDANG SOSIAL",
    "2.11": "URUSAN PEMERINTAHAN BIDANG LINGKUNGAN HIDUP",
    "2.12": "URUSAN PEMERINTAHAN BIDANG ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL",
    "2.15": "URUSAN PEMERINTAHAN BIDANG PERHUBUNGAN",
    "2.16": "URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA",
    "2.17": "URUSAN PEMERINTAHAN BIDANG KOPERASI, USAHA KECIL DAN MENENGAH",
    "2.18": "URUSAN PEMERINTAHAN BIDANG PENANAMAN MODAL",
    "2.20": "URUSAN PEMERINTAHAN BIDANG STATISTIK",
    "2.21": "URUSAN PEMERINTAHAN BIDANG PERSANDIAN",
    "2.22": "URUSAN PEMERINTAHAN BIDANG KEBUDAYAAN",
    "3.26": "URUSAN PEMERINTAHAN BIDANG PARIWISATA",
    "3.30": "URUSAN PEMERINTAHAN BIDANG PERDAGANGAN",
    "3.31": "URUSAN PEMERINTAHAN BIDANG PERINDUSTRIAN",
    "4.01": "SEKRETARIAT DAERAH",
    "5.01": "PERENCANAAN",
    "5.02": "KEUANGAN",
    "5.05": "PENELITIAN DAN PENGEMBANGAN",
    "7.01": "KECAMATAN",
}

P = "Persentase"
# fmt: off
PROGRAMS = [
    ("1.01.02", "Program Pengelolaan Pendidikan", "Disdikbud", 1,
     [("Angka Partisipasi Murni SD/MI", "%", "97,1", "99"), ("Angka Partisipasi Murni SMP/MTs", "%", "78,4", "85")],
     98_500, ("society", "ekosistem-pendidikan")),
    ("1.01.03", "Program Pengembangan Kurikulum", "Disdikbud", 1,
     [(f"{P} satuan pendidikan yang menerapkan kurikulum merdeka", "%", "12", "100")], 1_250, None),
    ("1.01.04", "Program Pendidik dan Tenaga Kependidikan", "Disdikbud", 1,
     [(f"{P} guru bersertifikat pendidik", "%", "61", "80")], 4_300, ("society", "ekosistem-pendidikan")),
    ("1.02.02", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", "Dinkes", 4,
     [("Prevalensi stunting pada balita", "%", "21,8", "14"), ("Angka kematian ibu per 100.000 kelahiran hidup", "kasus", "112", "85")],
     86_750, ("living", "kesehatan")),
    ("1.02.03", "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", "Dinkes", 4,
     [(f"{P} puskesmas dengan sembilan jenis tenaga kesehatan", "%", "55", "100")], 2_100, ("living", "kesehatan")),
    ("1.02.04", "Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman", "Dinkes", 4,
     [(f"{P} sarana produksi pangan industri rumah tangga yang memenuhi syarat", "%", "48", "75")], 950, None),
    ("1.02.05", "Program Pemberdayaan Masyarakat Bidang Kesehatan", "Dinkes", 1,
     [(f"{P} desa/kelurahan siaga aktif", "%", "40", "70")], 1_400, ("living", "kesehatan")),
    ("1.03.02", "Program Pengelolaan Sumber Daya Air (SDA)", "DPUPR", 3,
     [("Luas daerah irigasi dalam kondisi baik", "ha", "1.850", "2.600")], 24_000, ("environment", "proteksi-lingkungan")),
    ("1.03.03", "Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum", "DPUPR", 3,
     [(f"{P} rumah tangga dengan akses air minum layak", "%", "82", "100")], 31_500, ("living", "harmonisasi-tata-ruang")),
    ("1.03.05", "Program Pengelolaan dan Pengembangan Sistem Air Limbah", "DPUPR", 3,
     [(f"{P} rumah tangga dengan akses sanitasi layak", "%", "78", "92")], 8_200, ("environment", "pengelolaan-sampah")),
    ("1.03.06", "Program Pengelolaan dan Pengembangan Sistem Drainase", "DPUPR", 3,
     [("Panjang drainase perkotaan dalam kondisi baik", "km", "46", "80")], 17_800, None),
    ("1.03.10", "Program Penyelenggaraan Jalan", "DPUPR", 3,
     [(f"{P} jalan kabupaten dalam kondisi mantap", "%", "62,5", "80")], 142_000, ("living", "mobilitas")),
    ("1.03.11", "Program Pengembangan Jasa Konstruksi", "DPUPR", 3,
     [("Jumlah tenaga konstruksi bersertifikat", "orang", "320", "900")], 1_150, None),
    ("1.03.12", "Program Penyelenggaraan Penataan Ruang", "DPUPR", 3,
     [("Jumlah rencana detail tata ruang yang ditetapkan", "dokumen", "1", "5")], 5_600, ("living", "harmonisasi-tata-ruang")),
    ("1.05.02", "Program Peningkatan Ketenteraman dan Ketertiban Umum", "Satpol PP", 4,
     [(f"{P} penegakan perda dan perkada yang diselesaikan", "%", "70", "95")], 6_300, ("society", "keamanan")),
    ("1.05.03", "Program Penanggulangan Bencana", "BPBD", 4,
     [("Indeks risiko bencana", "indeks", "142", "120"), ("Waktu tanggap darurat bencana", "jam", "6", "2")],
     7_900, ("society", "keamanan")),
    ("1.05.04", "Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran dan Penyelamatan Non Kebakaran",
     "Satpol PP", 4, [("Waktu tanggap kejadian kebakaran", "menit", "25", "15")], 4_800, None),
    ("1.06.04", "Program Rehabilitasi Sosial", "Dinsos", 4,
     [(f"{P} PPKS yang tertangani", "%", "58", "80")], 3_200, ("society", "komunitas")),
    ("1.06.05", "Program Perlindungan dan Jaminan Sosial", "Dinsos", 4,
     [(f"{P} keluarga miskin yang menerima bantuan sosial tepat sasaran", "%", "74", "95")], 9_700, None),
    ("1.06.06", "Program Penanganan Bencana", "Dinsos", 4,
     [(f"{P} korban bencana yang terpenuhi kebutuhan dasarnya", "%", "85", "100")], 1_300, None),
    ("2.11.02", "Program Perencanaan Lingkungan Hidup", "DLH", 1,
     [("Indeks kualitas lingkungan hidup", "indeks", "71,2", "74")], 1_600, ("environment", "proteksi-lingkungan")),
    ("2.11.03", "Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup", "DLH", 1,
     [("Indeks kualitas air", "indeks", "52", "58"), ("Indeks kualitas udara", "indeks", "86", "88")],
     3_900, ("environment", "proteksi-lingkungan")),
    ("2.11.05", "Program Keanekaragaman Hayati (KEHATI)", "DLH", 1,
     [("Luas ruang terbuka hijau publik", "ha", "96", "140")], 2_250, None),
    ("2.11.09", "Program Peningkatan Pendidikan, Pelatihan dan Penyuluhan Lingkungan Hidup untuk Masyarakat",
     "DLH", 1, [("Jumlah sekolah Adiwiyata", "sekolah", "14", "40")], 850, ("environment", "proteksi-lingkungan")),
    ("2.11.11", "Program Pengelolaan Persampahan", "DLH", 1,
     [(f"{P} sampah yang tertangani", "%", "64", "85"), ("Jumlah bank sampah aktif", "unit", "22", "100")],
     14_600, ("environment", "pengelolaan-sampah")),
    ("2.12.02", "Program Pendaftaran Penduduk", "Disdukcapil", 6,
     [(f"{P} penduduk yang memiliki KTP elektronik", "%", "96", "100")], 2_700, ("governance", "layanan-publik")),
    ("2.12.03", "Program Pencatatan Sipil", "Disdukcapil", 6,
     [(f"{P} anak yang memiliki akta kelahiran", "%", "91", "98")], 1_450, ("governance", "layanan-publik")),
    ("2.12.04", "Program Pengelolaan Informasi Administrasi Kependudukan", "Disdukcapil", 6,
     [("Jumlah OPD yang memanfaatkan data kependudukan", "OPD", "8", "30")], 1_900, ("governance", "tata-kelola-birokrasi")),
    ("2.15.02", "Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan (LLAJ)", "Dishub", 3,
     [(f"{P} ruas jalan dengan perlengkapan jalan yang memadai", "%", "35", "70")], 6_800, ("living", "mobilitas")),
    ("2.15.03", "Program Pengelolaan Pelayaran", "Dishub", 3,
     [("Jumlah penumpang penyeberangan Penajam–Balikpapan", "ribu orang", "1.150", "1.600")], 3_100, None),
    ("2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", "Diskominfo", 6,
     [("Indeks keterbukaan informasi publik", "indeks", "68", "85")], 4_100, ("governance", "kebijakan-publik")),
    ("2.16.03", "Program Pengelolaan Aplikasi Informatika", "Diskominfo", 6,
     [("Indeks SPBE", "indeks", "2,14", "3,5"), (f"{P} layanan publik berbasis elektronik", "%", "30", "80")],
     12_400, ("governance", "tata-kelola-birokrasi")),
    ("2.17.03", "Program Pengawasan dan Pemeriksaan Koperasi", "Diskop UKM", 2,
     [(f"{P} koperasi aktif yang sehat", "%", "38", "60")], 700, None),
    ("2.17.05", "Program Pendidikan dan Latihan Perkoperasian", "Diskop UKM", 2,
     [("Jumlah pengurus koperasi yang dilatih", "orang", "120", "600")], 650, ("economy", "kesejahteraan-rakyat")),
    ("2.17.07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)", "Diskop UKM", 2,
     [("Jumlah UMKM yang memasarkan produk secara daring", "unit usaha", "350", "2.500")],
     3_400, ("economy", "ekosistem-transaksi-keuangan")),
    ("2.18.02", "Program Pengembangan Iklim Penanaman Modal", "DPMPTSP", 2,
     [("Nilai realisasi investasi", "Rp miliar", "1.250", "3.000")], 900, ("economy", "industri")),
    ("2.18.03", "Program Promosi Penanaman Modal", "DPMPTSP", 5,
     [("Jumlah minat investasi yang difasilitasi", "proyek", "6", "25")], 1_700, ("branding", "branding-bisnis")),
    ("2.18.04", "Program Pelayanan Penanaman Modal", "DPMPTSP", 6,
     [("Indeks kepuasan masyarakat terhadap pelayanan perizinan", "indeks", "78", "88")], 2_050, None),
    ("2.18.05", "Program Pengendalian Pelaksanaan Penanaman Modal", "DPMPTSP", 2,
     [(f"{P} perusahaan yang menyampaikan LKPM", "%", "45", "80")], 600, None),
    ("2.18.06", "Program Pengelolaan Data dan Sistem Informasi Penanaman Modal", "DPMPTSP", 6,
     [("Ketersediaan profil peluang investasi daerah yang mutakhir", "dokumen", "1", "5")], 550, None),
    ("2.20.02", "Program Penyelenggaraan Statistik Sektoral", "Diskominfo", 6,
     [(f"{P} OPD yang menyampaikan data sektoral ke Satu Data", "%", "25", "100")], 950, ("governance", "kebijakan-publik")),
    ("2.21.02", "Program Penyelenggaraan Persandian untuk Pengamanan Informasi", "Diskominfo", 6,
     [(f"{P} sistem elektronik yang menerapkan keamanan informasi", "%", "20", "80")], 1_100, None),
    ("2.22.02", "Program Pengembangan Kebudayaan", "Disdikbud", 5,
     [("Jumlah event budaya Paser yang diselenggarakan", "event", "4", "10")], 2_300, ("branding", "branding-pariwisata")),
    ("3.26.02", "Program Peningkatan Daya Tarik Destinasi Pariwisata", "Dispar", 5,
     [("Jumlah kunjungan wisatawan", "orang", "185.000", "400.000")], 7_400, ("branding", "branding-pariwisata")),
    ("3.26.03", "Program Pemasaran Pariwisata", "Dispar", 5,
     [("Jumlah paket promosi wisata digital", "paket", "3", "15")], 2_600, ("branding", "branding-pariwisata")),
    ("3.26.04", "Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan dan Perlindungan Hak Kekayaan Intelektual",
     "Dispar", 2, [("Jumlah pelaku ekonomi kreatif yang memiliki HKI", "orang", "15", "120")], 1_050, None),
    ("3.26.05", "Program Pengembangan Sumber Daya Pariwisata dan Ekonomi Kreatif", "Dispar", 5,
     [("Jumlah pemandu wisata bersertifikat", "orang", "12", "60")], 900, None),
    ("3.30.02", "Program Perizinan dan Pendaftaran Perusahaan", "Disperindag", 2,
     [("Jumlah perusahaan yang terdaftar", "perusahaan", "1.140", "1.800")], 450, None),
    ("3.30.03", "Program Peningkatan Sarana Distribusi Perdagangan", "Disperindag", 2,
     [("Jumlah pasar rakyat yang direvitalisasi", "pasar", "2", "8")], 11_200, ("economy", "kesejahteraan-rakyat")),
    ("3.30.04", "Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting", "Disperindag", 2,
     [("Koefisien variasi harga bahan pokok", "%", "9", "5")], 1_200, ("economy", "kesejahteraan-rakyat")),
    ("3.30.05", "Program Pengembangan Ekspor", "Disperindag", 2,
     [("Jumlah pelaku usaha yang difasilitasi ekspor", "unit usaha", "2", "15")], 400, None),
    ("3.30.06", "Program Standardisasi dan Perlindungan Konsumen", "Disperindag", 2,
     [(f"{P} alat ukur yang ditera ulang", "%", "60", "90")], 800, None),
    ("3.30.07", "Program Penggunaan dan Pemasaran Produk Dalam Negeri", "Disperindag", 5,
     [("Jumlah produk lokal yang masuk katalog elektronik", "produk", "10", "150")], 700, ("branding", "branding-bisnis")),
    ("3.31.02", "Program Perencanaan dan Pembangunan Industri", "Disperindag", 2,
     [("Kontribusi sektor industri pengolahan terhadap PDRB", "%", "6,4", "8")], 1_900, ("economy", "industri")),
    ("3.31.04", "Program Pengelolaan Sistem Informasi Industri Nasional", "Disperindag", 2,
     [(f"{P} industri yang melaporkan data ke SIINas", "%", "15", "60")], 350, None),
    ("4.01.02", "Program Pemerintahan dan Kesejahteraan Rakyat", "Bag. Organisasi", 6,
     [("Nilai reformasi birokrasi", "nilai", "58", "70")], 5_200, None),
    ("5.01.02", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "Bappelitbang", 6,
     [(f"{P} keselarasan program RKPD dengan RPJMD", "%", "86", "100")], 3_800, ("governance", "kebijakan-publik")),
    ("5.01.03", "Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah", "Bappelitbang", 6,
     [("Nilai SAKIP", "nilai", "62", "75")], 2_400, None),
    ("5.02.02", "Program Pengelolaan Keuangan Daerah", "BKAD", 6,
     [("Opini BPK atas laporan keuangan", "opini", "WTP", "WTP")], 8_900, ("governance", "tata-kelola-birokrasi")),
    ("5.02.04", "Program Pengelolaan Pendapatan Daerah", "BKAD", 2,
     [(f"{P} transaksi pajak daerah secara nontunai", "%", "18", "75")], 4_600, ("economy", "ekosistem-transaksi-keuangan")),
    ("5.05.02", "Program Penelitian dan Pengembangan Daerah", "Bappelitbang", 6,
     [("Jumlah inovasi daerah yang dilaporkan", "inovasi", "24", "120")], 1_750, ("governance", "kebijakan-publik")),
    ("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Kec. Penajam", 6,
     [("Indeks kepuasan masyarakat terhadap layanan kecamatan", "indeks", "76", "85")], 2_900, None),
]
# fmt: on

# Programmes delivered by several OPDs (real tables list them once per OPD, each with its own indicators and
# pagu): code -> [(OPD acronym, [(indicator, unit, baseline, final target)], pagu of the first year in millions)]
SHARED = {
    "2.16.03": [
        (
            "Bappelitbang",
            [(f"{P} dokumen perencanaan yang disusun dalam aplikasi e-Planning", "%", "40", "100")],
            1_800,
        ),
    ],
    "3.26.03": [
        (
            "Diskominfo",
            [("Jumlah konten promosi wisata di kanal digital pemerintah daerah", "konten", "120", "600")],
            650,
        ),
    ],
}

LOCATIONS = ["Kabupaten Penajam Paser Utara", "Kec. Penajam", "Kec. Waru", "Kec. Babulu", "Kec. Sepaku"]


def targets_between(baseline, final, years):
    """Yearly targets moving from the baseline to the final target, written the Indonesian way."""
    try:
        start = float(baseline.replace(".", "").replace(",", "."))
        end = float(final.replace(".", "").replace(",", "."))
    except ValueError:
        return {year: final for year in years}
    decimals = 1 if "," in baseline or "," in final else 0
    result = {}
    for step, year in enumerate(years, start=1):
        value = start + (end - start) * step / len(years)
        text = f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
        result[year] = text
    return result


def program_records(years, *, location_cycle=True):
    """The demo programmes as dicts the workbook writer and the demo understand."""
    records = []
    for index, (code, name, opd, misi, indicators, pagu_million, mapping) in enumerate(PROGRAMS):
        records.append(
            {
                "code": code,
                "name": name,
                "opd": opd,
                "misi": misi,
                "location": LOCATIONS[index % len(LOCATIONS)] if location_cycle else LOCATIONS[0],
                "indicators": _indicators(indicators, years),
                "budgets": _budgets(pagu_million, years),
                "mapping": mapping,
                "shares": [
                    {"opd": other, "indicators": _indicators(items, years), "budgets": _budgets(pagu, years)}
                    for other, items, pagu in SHARED.get(code, [])
                ],
            }
        )
    return records


def _budgets(pagu_million, years):
    return {year: pagu_million * 1_000_000 * (100 + 6 * i) // 100 for i, year in enumerate(years)}


def _indicators(items, years):
    return [
        {"name": ind, "unit": unit, "baseline": baseline, "targets": targets_between(baseline, final, years)}
        for ind, unit, baseline, final in items
    ]


def synthetic_records(count, years, opds, *, indicators_per_program=1.5, shared_every=0):
    """`count` programmes with distinct nomenclature codes (for the benchmark): about 1.5 indicators each.
    `shared_every`: every n-th programme is delivered by a second OPD too, with as many indicators of its own
    and its own pagu (5: a fifth of the programmes shared by two OPDs)."""
    records = []
    extra = 0.0
    for n in range(count):
        urusan, bidang = 1 + n // 800, 1 + (n // 40) % 20
        code = f"{urusan}.{bidang:02d}.{n % 40 + 2:02d}"
        extra += indicators_per_program - 1
        k = 1 + int(extra)
        extra -= int(extra)
        records.append(
            {
                "code": code,
                "name": f"Program Pembangunan Sektor {n + 1}",
                "opd": opds[n % len(opds)],
                "misi": 1 + n % 6,
                "location": LOCATIONS[n % len(LOCATIONS)],
                "indicators": [
                    {
                        "name": f"Persentase capaian sasaran {n + 1}.{i + 1}",
                        "unit": "%",
                        "baseline": "40",
                        "targets": {year: str(50 + 8 * j) for j, year in enumerate(years)},
                    }
                    for i in range(k)
                ],
                "budgets": {year: 1_000_000_000 + n * 1_000_000 for year in years},
                "mapping": None,
            }
        )
        if shared_every and n % shared_every == 0:
            records[-1]["shares"] = [
                {
                    "opd": opds[(n + 1) % len(opds)],
                    "indicators": [
                        {
                            "name": f"Persentase dukungan {n + 1}.{i + 1}",
                            "unit": "%",
                            "baseline": "BB" if i == 0 else "12,5",
                            "targets": {year: ("A" if i == 0 else f"{20 + 5 * j},5") for j, year in enumerate(years)},
                        }
                        for i in range(k)
                    ],
                    "budgets": {year: 250_000_000 + n * 1_000 for year in years},
                }
            ]
    return records
