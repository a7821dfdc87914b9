"""The background work the services ask for, without the services importing books.tasks (which imports them).

books.tasks connects its two tasks here when it is imported; BooksConfig.ready() imports it in every process
(web, worker, management command), so the services always find them."""

_tasks = {}


def connect(*, render, refresh):
    """Called once by books.tasks: `render(job_pk)` renders an export job, `refresh(masterplan_id)` is the
    debounced re-render of the drafts."""
    _tasks.update(render=render, refresh=refresh)


def queue_render(job_pk):
    _task("render").delay(job_pk)


def schedule_refresh(masterplan_id, *, countdown):
    _task("refresh").apply_async((masterplan_id,), countdown=countdown)


def _task(name):
    try:
        return _tasks[name]
    except KeyError:
        raise RuntimeError(
            "books.tasks is not imported, so its tasks are not connected (see BooksConfig.ready)"
        ) from None
