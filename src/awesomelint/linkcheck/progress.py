"""A progress bar on stderr while links are checked: checked / total, rate, hosts on hold.

rich is imported only when the bar is shown (stderr is a terminal and --quiet is off), so
runs in CI and pre-commit pay nothing for it.
"""

from __future__ import annotations

from typing import Any


class Progress:
    def __init__(self, *, enabled: bool) -> None:
        self._enabled = enabled
        self._bar: Any = None
        self._task: Any = None

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            TextColumn("checking links"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[waiting]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("links", total=0, rate="", waiting="")

    def add(self, count: int) -> None:
        if not self._enabled:
            return
        if self._bar is None:
            self._start()
        self._bar.update(self._task, total=self._bar.tasks[0].total + count)

    def advance(self, hosts_waiting: int) -> None:
        if self._bar is None:
            return
        task = self._bar.tasks[0]
        speed = task.speed or 0.0
        waiting = f"{hosts_waiting} hosts on hold" if hosts_waiting else ""
        self._bar.update(self._task, advance=1, rate=f"{speed:.0f}/s", waiting=waiting)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
