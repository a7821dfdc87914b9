"""Demo content for Kabupaten Penajam Paser Utara: the strategic analysis."""

PROFILE = {
    "geography": (
        "Kabupaten Penajam Paser Utara (PPU) terletak di pesisir Teluk Balikpapan, Kalimantan Timur, dan menjadi "
        "lokasi sebagian besar wilayah Ibu Kota Nusantara (IKN) di Kecamatan Sepaku. Wilayahnya terdiri atas empat "
        "kecamatan (Penajam, Waru, Babulu, Sepaku), dataran rendah pesisir, perbukitan dan hutan, dengan garis pantai "
        "panjang yang menjadi pusat perikanan tangkap dan budidaya."
    ),
    "economy": (
        "Perekonomian PPU ditopang oleh perkebunan kelapa sawit, pertanian padi di Babulu dan Waru, perikanan "
        "tangkap dan budidaya, serta pertambangan dan penggalian. Pembangunan IKN mendorong pertumbuhan sektor "
        "konstruksi, perdagangan dan jasa; tantangannya adalah agar UMKM dan tenaga kerja lokal ikut menikmati "
        "peluang tersebut."
    ),
    "society": (
        "Penduduk PPU tumbuh cepat seiring pembangunan IKN, dengan masyarakat yang majemuk: Paser sebagai "
        "masyarakat adat, serta Bugis, Banjar, Jawa dan pendatang lain. Pemerataan layanan pendidikan, kesehatan "
        "dan akses internet di desa-desa pedalaman dan pesisir masih menjadi pekerjaan rumah."
    ),
}

KEY_FIGURES = [
    ("Laju pertumbuhan ekonomi", "4,21", "%", "BPS Kabupaten Penajam Paser Utara", 2021),
    ("Indeks Pembangunan Manusia", "72,09", "", "BPS Kabupaten Penajam Paser Utara", 2021),
    ("Persentase penduduk miskin", "7,21", "%", "BPS Kabupaten Penajam Paser Utara", 2021),
    ("Produksi perikanan tangkap", "9.870", "ton", "Dinas Perikanan PPU", 2021),
    ("Luas perkebunan kelapa sawit", "58.412", "ha", "Dinas Pertanian PPU", 2021),
    ("Desa/kelurahan terjangkau sinyal 4G", "46 dari 54", "desa/kelurahan", "Diskominfo PPU", 2022),
    ("Indeks SPBE", "2,31", "", "Kementerian PANRB", 2021),
]

# component, dimension, item, rating, evidence, notes
READINESS = [
    (
        "struktur",
        "governance",
        "Jumlah ASN berlatar belakang TIK",
        "kurang",
        "12 pranata komputer di seluruh OPD",
        "Sebagian besar terpusat di Diskominfo",
    ),
    (
        "struktur",
        "governance",
        "Anggaran TIK dalam APBD",
        "sedang",
        "APBD 2022: Rp 14,6 miliar untuk urusan kominfo",
        "Belum ada belanja TIK terkonsolidasi",
    ),
    (
        "struktur",
        "governance",
        "Komitmen pimpinan daerah",
        "baik",
        "Smart city masuk misi RPJMD; Bupati memimpin Dewan Smart City",
        "",
    ),
    (
        "struktur",
        "economy",
        "Kelembagaan ekonomi kreatif dan UMKM",
        "sedang",
        "1.240 UMKM terdata di Diskop UKM",
        "Data belum terpadu",
    ),
    (
        "struktur",
        "society",
        "Literasi digital aparatur dan masyarakat",
        "sedang",
        "Pelatihan literasi digital 2021: 1.800 peserta",
        "",
    ),
    (
        "infrastruktur",
        "governance",
        "Jaringan intra pemerintah (fiber optik antar OPD)",
        "sedang",
        "18 dari 34 kantor OPD tersambung fiber",
        "Kecamatan belum tersambung",
    ),
    (
        "infrastruktur",
        "governance",
        "Pusat data daerah",
        "kurang",
        "Ruang server Diskominfo tanpa UPS dan pendingin cadangan",
        "Rencana migrasi ke PDN",
    ),
    (
        "infrastruktur",
        "living",
        "Cakupan jaringan seluler 4G",
        "sedang",
        "46 dari 54 desa/kelurahan",
        "Blank spot di Sepaku dan Babulu",
    ),
    ("infrastruktur", "living", "Fasilitas kesehatan terhubung SIMPUS", "sedang", "8 dari 11 puskesmas", ""),
    (
        "infrastruktur",
        "environment",
        "Sarana pengelolaan sampah",
        "kurang",
        "TPA Buluminung mendekati kapasitas; 21 bank sampah",
        "",
    ),
    (
        "infrastruktur",
        "branding",
        "Ruang publik dan wisata dengan Wi-Fi",
        "kurang",
        "Wi-Fi publik hanya di Taman Rozeline dan kantor bupati",
        "",
    ),
    ("suprastruktur", "governance", "Perbup SPBE", "baik", "Perbup PPU Nomor 18 Tahun 2021 tentang SPBE", ""),
    (
        "suprastruktur",
        "governance",
        "SK Dewan dan Tim Pelaksana Smart City",
        "baik",
        "SK Bupati Nomor 100.3.3.2/412/2022",
        "",
    ),
    (
        "suprastruktur",
        "governance",
        "SOP layanan digital dan keamanan informasi",
        "kurang",
        "Belum ada SOP insiden siber",
        "",
    ),
    (
        "suprastruktur",
        "environment",
        "Regulasi pengurangan sampah",
        "sedang",
        "Perda Pengelolaan Sampah 2019",
        "Belum ada aturan kantong plastik",
    ),
    (
        "alam",
        "environment",
        "Potensi pesisir, mangrove dan perikanan",
        "baik",
        "Mangrove Teluk Balikpapan ±16.000 ha",
        "Terancam alih fungsi lahan",
    ),
    (
        "budaya",
        "branding",
        "Budaya Paser dan kearifan lokal",
        "sedang",
        "Festival Nondoi, rumah adat Paser",
        "Belum dikemas untuk wisata",
    ),
]

SWOT = {
    "governance": {
        "S": ["Perbup SPBE dan SK Dewan Smart City sudah terbit", "Komitmen Bupati dan Sekda terhadap layanan digital"],
        "W": [
            "Aplikasi OPD berjalan sendiri-sendiri, belum terintegrasi",
            "SDM TIK terbatas dan terpusat di Diskominfo",
        ],
        "O": [
            "Pembangunan IKN membawa jaringan dan standar layanan nasional",
            "Program SPBE nasional dan Pusat Data Nasional",
        ],
        "T": ["Lonjakan penduduk pendatang menambah beban layanan", "Ancaman keamanan siber pada sistem daerah"],
    },
    "branding": {
        "S": ["Posisi sebagai gerbang IKN", "Wisata pesisir, mangrove dan budaya Paser"],
        "W": ["Promosi wisata belum terpadu dan minim data pengunjung", "Wajah kota Penajam belum tertata"],
        "O": ["Arus pengunjung dan investor ke IKN", "Media sosial dan platform pemasaran digital"],
        "T": ["Persaingan destinasi dengan Balikpapan dan Samarinda", "Citra daerah tertutup oleh nama IKN"],
    },
    "economy": {
        "S": ["Sumber daya sawit, padi dan perikanan", "Jumlah UMKM terus bertambah"],
        "W": ["Nilai tambah produk lokal rendah", "Transaksi pasar masih tunai dan informasi harga tidak merata"],
        "O": ["Permintaan pangan dan jasa dari IKN", "QRIS dan pembayaran digital nasional"],
        "T": ["Inflasi harga pangan akibat lonjakan permintaan", "UMKM lokal kalah bersaing dengan pendatang"],
    },
    "living": {
        "S": ["Puskesmas tersebar di semua kecamatan", "RTRW sudah menyesuaikan IKN"],
        "W": ["Blank spot internet di desa pedalaman", "Angkutan umum terbatas"],
        "O": ["Integrasi transportasi dengan IKN dan Balikpapan", "Program telemedisin nasional"],
        "T": ["Kemacetan dan tekanan lahan di koridor IKN", "Prevalensi stunting masih tinggi"],
    },
    "society": {
        "S": ["Masyarakat majemuk dengan tradisi gotong royong", "Call center darurat sudah dirintis"],
        "W": ["Literasi digital masyarakat rendah", "Kesenjangan mutu sekolah kota dan desa"],
        "O": ["Program Digital Talent Scholarship Kominfo", "Kampus dan komunitas TIK di Balikpapan dan IKN"],
        "T": ["Hoaks dan penipuan daring", "Potensi konflik sosial akibat perubahan cepat"],
    },
    "environment": {
        "S": ["Bank sampah dan gerakan sedekah sampah berjalan", "Hutan mangrove yang luas"],
        "W": ["TPA mendekati kapasitas", "Pemantauan kualitas air dan udara manual"],
        "O": ["Konsep IKN sebagai forest city", "Dana CSR perusahaan sawit dan migas"],
        "T": ["Abrasi dan banjir rob di pesisir", "Alih fungsi lahan dan kebakaran hutan"],
    },
}

SWOT_STRATEGIES = {
    "governance": [
        ("SO", "Membangun integrasi layanan publik daerah mengikuti standar SPBE nasional dan IKN"),
        ("WT", "Memperkuat keamanan informasi dan SDM TIK sebelum memperluas layanan digital"),
    ],
    "branding": [
        ("SO", "Memasarkan PPU sebagai gerbang IKN melalui wisata pesisir dan budaya Paser"),
        ("WO", "Membangun pusat data dan promosi wisata terpadu"),
    ],
    "economy": [
        ("WO", "Digitalisasi pasar dan informasi harga untuk menahan inflasi pangan"),
        ("ST", "Memperkuat UMKM lokal sebagai pemasok kebutuhan IKN"),
    ],
    "living": [
        ("WO", "Menuntaskan blank spot melalui kerja sama BAKTI Kominfo dan operator"),
        ("ST", "Mengintegrasikan layanan kesehatan untuk menurunkan stunting"),
    ],
    "society": [
        ("SO", "Menggerakkan komunitas untuk literasi digital dan keamanan lingkungan"),
        ("WT", "Melawan hoaks melalui kanal informasi resmi dan literasi digital"),
    ],
    "environment": [
        ("SO", "Memperluas bank sampah berbasis aplikasi dengan dukungan CSR"),
        ("WT", "Membangun sistem peringatan dini banjir rob dan kebakaran hutan"),
    ],
}

GAPS = {
    "governance": [
        (
            "Aplikasi OPD tidak saling terhubung; data dimasukkan berulang",
            "Satu data dan satu portal layanan dengan interoperabilitas antar OPD",
        )
    ],
    "branding": [
        (
            "Informasi wisata tersebar di akun media sosial pribadi",
            "Pusat promosi dan informasi pariwisata resmi dengan data kunjungan",
        )
    ],
    "economy": [
        (
            "Harga pasar dicatat manual dan terlambat dipublikasikan",
            "Harga harian pasar tersedia daring dan menjadi dasar pengendalian inflasi",
        )
    ],
    "living": [("8 desa belum terjangkau internet", "Seluruh desa terjangkau 4G dan ruang publik ber-Wi-Fi")],
    "society": [
        ("Laporan darurat melalui nomor berbeda-beda", "Satu nomor darurat 112 yang terhubung ke semua layanan")
    ],
    "environment": [
        (
            "Sampah rumah tangga sebagian besar berakhir di TPA",
            "Pengurangan sampah 30% melalui bank sampah dan daur ulang",
        )
    ],
}

# name, OPD, dimension, element, purpose, users, status, url
APPLICATIONS = [
    (
        "E-Sakip",
        "Bappelitbang",
        "governance",
        "tata-kelola-birokrasi",
        "Sistem akuntabilitas kinerja instansi pemerintah",
        "Seluruh OPD",
        "running",
        "https://esakip.penajamkab.go.id",
    ),
    (
        "E-Kinerja",
        "Bag. Organisasi",
        "governance",
        "tata-kelola-birokrasi",
        "Penilaian kinerja harian ASN dan dasar tambahan penghasilan",
        "ASN PPU",
        "running",
        "",
    ),
    (
        "SIPD",
        "BKAD",
        "governance",
        "tata-kelola-birokrasi",
        "Sistem Informasi Pemerintahan Daerah (Kemendagri) untuk perencanaan dan penganggaran",
        "Bappelitbang, BKAD, OPD",
        "running",
        "",
    ),
    (
        "SiCantik Cloud",
        "DPMPTSP",
        "governance",
        "layanan-publik",
        "Perizinan online terintegrasi OSS",
        "Pelaku usaha",
        "running",
        "",
    ),
    (
        "Go PPU",
        "Diskominfo",
        "governance",
        "layanan-publik",
        "Aplikasi super layanan publik dan pengaduan warga",
        "Masyarakat",
        "development",
        "",
    ),
    (
        "SIHARPA",
        "Disperindag",
        "economy",
        "ekosistem-transaksi-keuangan",
        "Sistem Informasi Harga Pasar harian",
        "Masyarakat, TPID",
        "development",
        "",
    ),
    (
        "Puspita",
        "Dispar",
        "branding",
        "branding-pariwisata",
        "Pusat Promosi dan Informasi Pariwisata",
        "Wisatawan",
        "development",
        "",
    ),
    ("SIMPUS", "Dinkes", "living", "kesehatan", "Sistem informasi manajemen puskesmas", "Puskesmas", "running", ""),
    (
        "Call Center 112",
        "BPBD",
        "society",
        "keamanan",
        "Layanan panggilan darurat terpadu",
        "Masyarakat",
        "development",
        "",
    ),
    (
        "Serbu Gass",
        "DLH",
        "environment",
        "pengelolaan-sampah",
        "Pencatatan setoran bank sampah dan sedekah sampah",
        "Nasabah bank sampah",
        "running",
        "",
    ),
    (
        "SIAK Terpusat",
        "Disdukcapil",
        "governance",
        "layanan-publik",
        "Administrasi kependudukan",
        "Petugas dukcapil",
        "running",
        "",
    ),
    (
        "Aplikasi Dapodik",
        "Disdikbud",
        "society",
        "ekosistem-pendidikan",
        "Data pokok pendidikan",
        "Sekolah",
        "running",
        "",
    ),
]

# body, name, position, role
MEMBERS = [
    ("dewan", "Bupati Penajam Paser Utara", "Kepala daerah", "Ketua"),
    ("dewan", "Sekretaris Daerah", "Sekretariat Daerah Kabupaten Penajam Paser Utara", "Wakil Ketua"),
    ("dewan", "Kepala Bappelitbang", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Anggota"),
    ("dewan", "Perwakilan Universitas Mulawarman", "Akademisi", "Anggota"),
    ("dewan", "Perwakilan Otorita IKN", "Mitra strategis", "Anggota"),
    ("dewan", "Ketua KADIN PPU", "Dunia usaha", "Anggota"),
    ("tim", "Kepala Diskominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "Ketua"),
    ("tim", "Rina Handayani", "Kepala Bidang Aplikasi Informatika, Diskominfo", "Sekretaris"),
    ("tim", "Sekretaris Bappelitbang", "Bappelitbang", "Anggota"),
    ("tim", "Sekretaris DLH", "Dinas Lingkungan Hidup", "Anggota"),
    ("tim", "Sekretaris Dinas Pariwisata", "Dinas Pariwisata", "Anggota"),
    ("tim", "Sekretaris Disperindag", "Dinas Perindustrian dan Perdagangan", "Anggota"),
    ("tim", "Sekretaris Dinas Kesehatan", "Dinas Kesehatan", "Anggota"),
]

# kind, number, date (y, m, d) or None, year, title
DOCUMENTS = [
    (
        "mou",
        "B-1154/DJAI/AI.01.01/06/2022",
        (2022, 6, 8),  # before Bimtek I (13 June 2022): the MoU opens the programme
        2022,
        "Nota Kesepahaman Gerakan Menuju 100 Smart City antara Ditjen Aplikasi Informatika Kominfo dan Pemerintah Kabupaten Penajam Paser Utara",
    ),
    (
        "sk_dewan",
        "100.3.3.2/412/2022",
        (2022, 7, 4),
        2022,
        "Pembentukan Dewan Smart City Kabupaten Penajam Paser Utara",
    ),
    (
        "sk_tim",
        "100.3.3.2/413/2022",
        (2022, 7, 4),
        2022,
        "Pembentukan Tim Pelaksana Smart City Kabupaten Penajam Paser Utara",
    ),
    ("perkada", "18 Tahun 2021", None, 2021, "Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik"),
    ("perkada", "35 Tahun 2020", None, 2020, "Satu Data Penajam Paser Utara"),
    ("perda", "4 Tahun 2019", None, 2019, "Pengelolaan Sampah"),
]
