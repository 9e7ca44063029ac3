"""Progress adapter over QgsProcessingFeedback."""

from ..core.progress import Progress


class FeedbackProgress(Progress):
    def __init__(self, feedback):
        super().__init__()
        self._feedback = feedback
        self._last_message = None

    def on_report(self, fraction, message):
        self._feedback.setProgress(fraction * 100.0)
        if message and message != self._last_message:
            self._last_message = message
            self._feedback.pushInfo(message)

    def is_cancel_requested(self):
        return self._feedback.isCanceled()
