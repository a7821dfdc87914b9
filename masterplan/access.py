"""Who may do what in a masterplan: decided here, once, for every view, export and search.

    access = get_masterplan_for_user(request, mp)             # 404 unless the user sees it
    access = get_masterplan_for_user(request, mp, write=True)  # 403 for readers and experts
    obj = get_for_user(access, Program.objects, pk, write=True)  # 404 outside the masterplan,
                                                                 # 403 for another OPD's item

A user sees a masterplan if they are a member of it or a programme admin (staff). Roles:
coordinator manages everything; an OPD member edits what belongs to their OPD (objects expose
`owner_opd_id`, or `owner_opd_ids` when several OPDs are responsible for them, e.g. an RPJMD programme
delivered by a lead and co-responsible OPDs: any of them may edit it) and reads the rest; an expert reads, comments, reviews and exports; a reader reads
and downloads.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Masterplan, Membership, Role

ADMIN = "admin"


@dataclass(frozen=True)
class Access:
    masterplan: Masterplan
    user: object
    role: str
    opd_id: int | None = None

    @property
    def is_admin(self):
        return self.role == ADMIN

    @property
    def can_manage(self):
        """Members, OPDs, every section, submitting for review."""
        return self.role in (ADMIN, Role.COORDINATOR)

    @property
    def can_edit_content(self):
        """Can change at least something (the coordinator everything, an OPD member their OPD's items)."""
        return self.role in (ADMIN, Role.COORDINATOR, Role.OPD_MEMBER)

    @property
    def can_review(self):
        """Comment decisions, request changes, approve, close a bimtek stage."""
        return self.role in (ADMIN, Role.EXPERT)

    @property
    def can_comment(self):
        return self.role in (ADMIN, Role.COORDINATOR, Role.OPD_MEMBER, Role.EXPERT)

    @property
    def can_export(self):
        return self.role in (ADMIN, Role.COORDINATOR, Role.EXPERT)

    @property
    def role_label(self):
        return "Admin program" if self.is_admin else Role(self.role).label

    def can_edit(self, obj=None, *, opd_id=None):
        """May this user change `obj` (or an item owned by `opd_id`)?

        An OPD member may change an object their OPD owns: `obj.owner_opd_ids` (every responsible OPD, when
        the object has several) contains their OPD, or else `obj.owner_opd_id` is their OPD."""
        if self.can_manage:
            return True
        if self.role != Role.OPD_MEMBER or self.opd_id is None:
            return False
        if obj is None:
            return opd_id is not None and opd_id == self.opd_id
        owners = getattr(obj, "owner_opd_ids", None)
        if owners is not None:
            return self.opd_id in owners
        owner = getattr(obj, "owner_opd_id", None)
        return owner is not None and owner == self.opd_id

    def require_edit(self, obj=None, *, opd_id=None):
        if not self.can_edit(obj, opd_id=opd_id):
            raise PermissionDenied

    def require(self, allowed):
        if not allowed:
            raise PermissionDenied


def access_for(user, masterplan):
    """The user's Access to a masterplan, or None when they may not see it."""
    if not user.is_authenticated:
        return None
    if user.is_programme_admin:
        return Access(masterplan, user, ADMIN)
    membership = Membership.objects.filter(masterplan=masterplan, user=user).values_list("role", "opd_id").first()
    if membership is None:
        return None
    return Access(masterplan, user, membership[0], membership[1])


def get_masterplan_for_user(request, pk, *, write=False, manage=False, review=False):
    cache = request.__dict__.setdefault("_masterplan_access", {})
    access = cache.get(pk)
    if access is None:
        try:
            masterplan = Masterplan.objects.select_related("region__province", "cohort").get(pk=pk)
        except (Masterplan.DoesNotExist, ValueError, TypeError):
            raise Http404 from None
        access = access_for(request.user, masterplan)
        if access is None:
            raise Http404
        cache[pk] = access
    if write and not access.can_edit_content:
        raise PermissionDenied
    if manage and not access.can_manage:
        raise PermissionDenied
    if review and not access.can_review:
        raise PermissionDenied
    return access


def get_for_user(access, queryset, pk, *, write=False, scope="masterplan"):
    """An object of the masterplan (or of its region, scope='region'), 404 otherwise; 403 if write is refused."""
    model_filter = (
        {"masterplan": access.masterplan} if scope == "masterplan" else {"region_id": access.masterplan.region_id}
    )
    obj = get_object_or_404(queryset.filter(**model_filter), pk=pk)
    if write:
        access.require_edit(obj)
    return obj
