"""Sharing a lookup between the parts of one page, never between requests.

The dashboard's panels and the bimtek checklists ask a masterplan the same questions (its current RPJMD,
its sessions, its programme counts, the list of dimensions). Inside `shared_lookups(masterplan)`, a
read-only stretch of one request (the dashboard's panels, a stage track), `memoised(masterplan, key,
compute)` computes each answer once and keeps it on that instance. Outside such a block it always computes,
so code that changes data and reads it again never gets an old answer, and nothing outlives the block.
"""

from contextlib import contextmanager

_ATTRIBUTE = "_shared_lookups"


@contextmanager
def shared_lookups(instance):
    """Share `memoised` answers about `instance` inside the block; a nested block uses the outer one's."""
    if hasattr(instance, _ATTRIBUTE):
        yield
        return
    setattr(instance, _ATTRIBUTE, {})
    try:
        yield
    finally:
        delattr(instance, _ATTRIBUTE)


def memoised(instance, key, compute):
    """compute(), once per `key` inside shared_lookups(instance); every time outside."""
    answers = getattr(instance, _ATTRIBUTE, None)
    if answers is None:
        return compute()
    if key not in answers:
        answers[key] = compute()
    return answers[key]
