"""Jobs remembered on disk (JSON, nothing secret), so a job running when QGIS closed is listed again."""

import json
import os
import threading
from typing import Dict, List, Optional

from .log import logger
from .models import JobRecord, JobState


class JobStore:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._jobs: Dict[str, JobRecord] = {}
        self._load()

    def _load(self):
        try:
            with open(self.path, encoding="utf-8") as f:
                data = json.load(f)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as err:
            logger.warning("job list %s unreadable, starting empty: %s", self.path, err)
            return
        for entry in data.get("jobs", []):
            record = JobRecord.from_dict(entry)
            # A job still marked running was cut off when QGIS closed: it can be followed again.
            if record.state in (JobState.RUNNING, JobState.QUEUED):
                record.state = JobState.INTERRUPTED
            self._jobs[record.id] = record

    def save(self, record: Optional[JobRecord] = None):
        """Store `record` (if given) and write the whole list atomically."""
        with self._lock:
            if record is not None:
                record.touch()
                self._jobs[record.id] = record
            data = {"version": 1, "jobs": [r.to_dict() for r in self._jobs.values()]}
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            tmp = self.path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=1)
            os.replace(tmp, self.path)

    def get(self, job_id: str) -> Optional[JobRecord]:
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> List[JobRecord]:
        with self._lock:
            # Newest first; jobs created in the same second keep the order they were added in (the later first).
            ordered = sorted(enumerate(self._jobs.values()), key=lambda pair: (pair[1].created, pair[0]), reverse=True)
            return [record for _index, record in ordered]

    def remove(self, job_id: str):
        with self._lock:
            self._jobs.pop(job_id, None)
        self.save()
