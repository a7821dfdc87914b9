"""Production settings plus the query counter, for the load run only (scripts/load/run.sh sets
DJANGO_SETTINGS_MODULE=load_settings with scripts/load on the Python path)."""

from config.settings import *  # noqa: F403
from config.settings import MIDDLEWARE

# first, so the queries of every other middleware (sessions, auth, axes) are counted too
MIDDLEWARE = ["querycount.QueryCountMiddleware", *MIDDLEWARE]
