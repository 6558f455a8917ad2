"""The one place a failed worker becomes a notification instead of a crash."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from store.errors import DossierError


def notify_failure(node: DOMNode, worker: Worker[object]) -> bool:
    """Notify the user when `worker` failed; True if it did. DossierErrors speak for themselves."""
    if worker.state != WorkerState.ERROR or worker.error is None:
        return False
    error = worker.error
    if isinstance(error, DossierError):
        message = str(error)
    else:
        message = f"{type(error).__name__}: {error}"
    node.app.log.error(f"worker {worker.group!r} failed", error)
    node.app.notify(
        message,
        title=f"Could not {worker.description or worker.group}",
        severity="error",
        timeout=10,
        markup=False,
    )
    return True
