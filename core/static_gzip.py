"""Static files compressed when they are served without collectstatic (`make run`, DEBUG): WhiteNoise then
serves them from the finders, uncompressed. In production the collected files are served precompressed
(config/static_storage.py, brotli and gzip) and this middleware is not installed.

Only /static/ responses are compressed: pages carry CSRF tokens and stay as they are (BREACH)."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class StaticGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not request.path.startswith(settings.STATIC_URL):
            return response
        return super().process_response(request, response)
