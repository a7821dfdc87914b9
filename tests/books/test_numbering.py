"""Tables, figures and sections of a chapter numbered with an HTML parser: ids, captions without their prefix,
the lists of tables, figures and sections, and the parts a pattern over HTML got wrong."""

from books.numbering import Caption, number_parts

CHAPTER = """<section class="chapter" id="bab"><h1>Bab</h1>
<h2>Bagian &amp; satu</h2>
<table class="book-table compact">
  <caption>Tabel: Data <b>pokok</b> &amp; luas</caption><tbody></tbody></table>
<table class="table"><caption>Tabel: bukan tabel buku</caption></table>
<figure class="book-figure"><svg><title>x</title></svg><figcaption>Gambar : Peta</figcaption></figure>
<h2 id="sendiri" class="x">Bagian <em>dua</em></h2>
</section>"""


def test_ids_captions_and_sections():
    tables, figures = [Caption("c1-t1", "lama")], []
    html, sections = number_parts(CHAPTER, "c2", tables, figures, appendix=True)
    assert '<table id="c2-t2" class="book-table compact">' in html  # the book's count goes on
    assert "<caption>Data <b>pokok</b> &amp; luas</caption>" in html
    assert '<table class="table"><caption>Tabel: bukan tabel buku</caption>' in html  # not a book table
    assert '<figure id="c2-g1" class="book-figure">' in html and "<figcaption>Peta</figcaption>" in html
    assert '<h2 id="c2-s1">Bagian &amp; satu</h2>' in html and '<h2 id="sendiri" class="x">' in html
    assert tables[1:] == [Caption("c2-t2", "Data pokok &amp; luas", True)]
    assert figures == [Caption("c2-g1", "Peta", True)]
    assert sections == [("c2-s1", "Bagian &amp; satu"), ("sendiri", "Bagian dua")]
    # nothing else changed: the edits are the only difference
    assert html.replace(' id="c2-t2"', "").replace(' id="c2-g1"', "").replace(' id="c2-s1"', "") == CHAPTER.replace(
        "Tabel: Data", "Data"
    ).replace("Gambar : Peta", "Peta")


def test_what_a_pattern_over_html_got_wrong():
    html = (
        "<!-- <h2>dalam komentar</h2> -->"
        '<h2 title="a > b">Judul</h2>'
        "<table class='book-table'><caption>Tabel: kutip tunggal</caption></table>"
        '<figure class="book-figure"><p>tanpa keterangan</p></figure>'
        '<figure class="book-figure"><figcaption>Gambar: kedua</figcaption></figure>'
    )
    tables, figures = [], []
    out, sections = number_parts(html, "c1", tables, figures)
    assert sections == [("c1-s1", "Judul")] and '<h2 id="c1-s1" title="a > b">' in out
    assert tables == [Caption("c1-t1", "kutip tunggal")] and "<table id=\"c1-t1\" class='book-table'>" in out
    assert figures == [Caption("c1-g1", "kedua")]
    assert '<figure class="book-figure"><p>' in out and '<figure id="c1-g1" class="book-figure"><figcaption>' in out


def test_book_media_images_are_inlined_or_left_out():
    html = '<p><img alt="a &amp; b" data-book-media="masterplan/1/x.jpg" class="f"><img data-book-media="y"></p>'
    uris = {"masterplan/1/x.jpg": "data:image/jpeg;base64,AAAA"}
    out, _sections = number_parts(html, "c1", [], [], media=lambda name: uris.get(name, ""))
    assert out == '<p><img alt="a &amp; b" src="data:image/jpeg;base64,AAAA" class="f"></p>'
