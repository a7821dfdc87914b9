# Everything the portal loads is its own (vendored Bootstrap and htmx, shipped fonts).
# htmx needs no eval; inline styles are used by Bootstrap's progress bars and SVG charts.
POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response


class IndonesianFirstMiddleware:
    """Rancang speaks Indonesian unless the user picks English: the browser's Accept-Language (often
    English on office computers) is not consulted; the language switch's cookie or session is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class PrivateNoStoreMiddleware:
    """Pages and downloads of a signed-in user are kept by no cache: neither a shared proxy nor the browser's
    disk (a shared office computer's back button, a file left in its cache). Static files are answered by
    WhiteNoise before this runs, and anonymous pages (the login page) keep their own headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers["Cache-Control"] = "private, no-store"
        return response


class UploadBudgetMiddleware:
    """Counts the pixels of the images one request uploads (core.uploads: UPLOAD_MAX_REQUEST_PIXELS)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .uploads import _request_pixels

        token = _request_pixels.set([0])
        try:
            return self.get_response(request)
        finally:
            _request_pixels.reset(token)
