"""Generate the load test's data: N regions enrolled in one cohort, each with its OPDs and one account
per role. Idempotent; run it against the database the server under test uses:

    DATABASE_URL=postgres://… .venv/bin/python scripts/load/seed.py --regions 50

Accounts: koordinator-<i>@load.test, opd-<i>-<j>@load.test, ahli-<i>@load.test, pembaca-<i>@load.test
(i from 1 to N), password rancang-load-2022. Each region gets the demo's content through the apps' own
demo pieces (the same code `manage.py demo` runs): an RPJMD with its misi and about 60 imported, partly
mapped programmes; the plan's analysis, direction and programmes; 14 quick wins; four bimtek stages with
follow-ups; section reviews with comments. A region that already has its content is left as it is.
Feature apps add more by appending a function `seed(masterplan, people)` to FEATURE_SEEDERS.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402

from bimtek import demo as bimtek_demo  # noqa: E402
from masterplan.demo import OPDS, Demo  # noqa: E402
from masterplan.models import OPD, Membership, Region, Role  # noqa: E402
from masterplan.regions import load_regions  # noqa: E402
from masterplan.services import masterplan_create  # noqa: E402
from plan import demo as plan_demo  # noqa: E402
from quickwins import demo as quickwins_demo  # noqa: E402
from review import demo as review_demo  # noqa: E402
from rpjmd import demo as rpjmd_demo  # noqa: E402

PASSWORD = "rancang-load-2022"
COHORT = 2022
OPD_OF_MEMBERS = ["DLH", "Dispar", "Dinkes"]  # opd-<i>-1 works for DLH, -2 for Dispar, -3 for Dinkes
OPD_MEMBERS_PER_REGION = 3
# the apps' demo pieces, in the demo command's order (review: the home region only, not its extra regions)
CONTENT = [
    rpjmd_demo.populate,
    plan_demo.populate,
    quickwins_demo.populate,
    bimtek_demo.populate,
    review_demo._home_region,
]
FEATURE_SEEDERS = []  # functions seed(masterplan, people) added by the feature apps' load scenarios


def account(email, password_hash):
    user, _ = get_user_model().objects.get_or_create(
        email=email, defaults={"password": password_hash, "first_name": email.split("@")[0]}
    )
    return user


@transaction.atomic
def seed_region(index, region, password_hash):
    masterplan, _ = masterplan_create(region=region, cohort_year=COHORT)
    opds = {
        acronym: OPD.objects.get_or_create(region=region, acronym=acronym, defaults={"name": name, "kind": kind})[0]
        for name, acronym, kind in OPDS
    }
    people = {"coordinator": account(f"koordinator-{index}@load.test", password_hash)}
    people["opd_members"] = [
        account(f"opd-{index}-{j}@load.test", password_hash) for j in range(1, OPD_MEMBERS_PER_REGION + 1)
    ]
    people["expert"] = account(f"ahli-{index}@load.test", password_hash)
    people["reader"] = account(f"pembaca-{index}@load.test", password_hash)
    roles = [(people["coordinator"], Role.COORDINATOR, None)]
    roles += [(user, Role.OPD_MEMBER, opds[a]) for user, a in zip(people["opd_members"], OPD_OF_MEMBERS, strict=True)]
    roles += [(people["expert"], Role.EXPERT, None), (people["reader"], Role.READER, None)]
    for user, role, opd in roles:
        Membership.objects.get_or_create(masterplan=masterplan, user=user, defaults={"role": role, "opd": opd})
    members = people["opd_members"]
    users = {"coordinator": people["coordinator"], "opd_member": members[0], "opd_member_2": members[1]}
    demo = Demo(
        masterplan=masterplan, opds=opds, users={**users, "expert": people["expert"], "reader": people["reader"]}
    )
    for populate in CONTENT:
        populate(demo)
    for seeder in FEATURE_SEEDERS:
        seeder(masterplan, people)
    return masterplan


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=50)
    args = parser.parse_args()
    if not Region.objects.exists():
        load_regions()
    password_hash = make_password(PASSWORD)
    regions = Region.objects.exclude(kind=Region.Kind.PROVINSI).order_by("code")[: args.regions]
    for index, region in enumerate(regions, start=1):
        seed_region(index, region, password_hash)
    print(f"{args.regions} daerah siap; akun *-<1..{args.regions}>@load.test, sandi {PASSWORD}")


if __name__ == "__main__":
    main()
