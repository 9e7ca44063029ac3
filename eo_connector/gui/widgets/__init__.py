"""Widgets and dialogs shared by every platform: connections, area of interest, results browser, jobs."""
