"""One email is one identity, whatever its letter case."""


def normalize_email(value):
    """The form of an email that is stored, looked up and counted by django-axes: stripped, lower case."""
    return str(value or "").strip().lower()


def axes_username(request, credentials=None):
    """AXES_USERNAME_CALLABLE: failed sign-ins of `DLH@x` and `dlh@x` count against one budget."""
    if credentials:
        value = credentials.get("username")
    else:
        value = getattr(request, "data", request.POST).get("username")
    return normalize_email(value) or None
