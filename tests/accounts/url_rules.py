from tests.url_sweep import Rule

RULES = {
    "accounts:login": Rule(public=True, scoped=False),
    "accounts:logout": Rule(public=True, scoped=False),
    "accounts:profile": Rule(scoped=False),
    "accounts:password_change": Rule(scoped=False),
    "accounts:password_change_done": Rule(scoped=False),
    "accounts:password_reset": Rule(public=True, scoped=False),
    "accounts:password_reset_done": Rule(public=True, scoped=False),
    "accounts:password_reset_confirm": Rule(lambda p: {"uidb64": "x", "token": "y"}, public=True, scoped=False),
    "accounts:password_reset_complete": Rule(public=True, scoped=False),
}
