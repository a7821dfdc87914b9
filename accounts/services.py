"""Writes of the accounts app. A person's own profile (name, position, institution, mail preference) is not
reviewed book content: it is saved without a report (the books print members' names in the team list, like the
membership itself, which is not reported either)."""

from django.db import transaction

from .models import User


@transaction.atomic
def update_profile(*, form, user: User) -> User:
    """Save the signed-in person's own profile (a bound, valid ProfileForm of `user`)."""
    if form.instance.pk != user.pk:
        raise ValueError("a profile form edits the signed-in user only")  # a programming error
    return form.save()
