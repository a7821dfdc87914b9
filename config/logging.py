"""Log filters. A refused request (400, 403, a SuspiciousOperation) is a fact worth one line, not a
traceback: an outside probe filled the log with hundreds of lines per refused URL."""

import logging

ONE_LINE_STATUSES = {400, 403, 404, 405}


class OneLineRefusals(logging.Filter):
    """Drop the traceback of django.request's 4xx records and of every django.security record; the message
    (method, path, status, the exception's text) stays. Set on the django.request logger (so every handler,
    pytest's caplog too, sees the short record) and on the console handler (for django.security.* children)."""

    def filter(self, record):
        refused = getattr(record, "status_code", None) in ONE_LINE_STATUSES and record.name == "django.request"
        if refused or record.name.startswith("django.security"):
            if record.exc_info and record.exc_info[1] is not None and not record.args:
                record.msg = f"{record.msg} ({type(record.exc_info[1]).__name__})"
            elif record.exc_info and record.exc_info[1] is not None and str(record.exc_info[1]):
                record.msg = f"{record.msg} [%s]"
                record.args = (*record.args, str(record.exc_info[1])[:200])
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
