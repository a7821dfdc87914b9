"""The demo has no stored exports: the books are made on demand (or a minute after a change)."""


def populate(demo):
    demo.say("Buku: pratinjau di tab Buku; ekspor PDF membutuhkan worker Celery (scripts/run.sh).")
