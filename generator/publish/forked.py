"""The other editions built beside the original, each in a child process.

Every edition is a whole MkDocs build of its own, and a build uses one core: on two cores, building the
Traditional and Japanese editions in forked children while the original builds takes about half the
time of three builds in a row, for `mkdocs build` and for every rebuild of `mkdocs serve`. A child
starts with what the parent has loaded and computed: the corpus and what is derived from it, the
compiled templates.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import signal
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, NoReturn

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from generator.content.corpus import Corpus
from generator.editions.edition import Edition
from generator.publish import site

log = logging.getLogger("mkdocs.plugins.ip-plans")

# Forking a Python process is safe on Linux; elsewhere the editions are built one after another.
CAN_FORK = sys.platform == "linux" and hasattr(os, "fork")


@dataclass
class OtherEditions:
    """The children building the editions other than the original."""

    children: dict[int, str] = field(default_factory=dict)  # process id -> edition code
    built: dict[Path, Path] = field(default_factory=dict)  # where a child builds beside the site -> its folder
    said: dict[int, IO[bytes]] = field(default_factory=dict)  # process id -> what it wrote to stderr, held

    @classmethod
    def start(cls, config: MkDocsConfig, corpus: Corpus, publish: bool = False) -> OtherEditions:
        """Fork one child per other edition, each building beside the original's site_dir (site.aside), so that
        they may start before MkDocs empties it. `publish`: each child puts its edition in place when done (the
        pages served meanwhile stay); else `put_in_place` does, once the original's folder is complete.

        Started before the original renders its pages, a child does not inherit them: each process holds the
        corpus and its own edition's pages only. What such a child writes to stderr is held until `wait`: when the
        original's build fails, the children's copies of its error are not printed (`stop`)."""
        started = cls()
        gc.freeze()  # the children's garbage collector leaves the inherited objects alone: no copy on write
        try:
            for edition in corpus.editions:
                if not edition.original:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    said = None if publish else tempfile.TemporaryFile()  # noqa: SIM115 (wait closes it)
                    pid = os.fork()
                    if pid == 0:
                        if said is not None:
                            os.dup2(said.fileno(), 2)
                        _build_and_exit(config, edition, corpus, publish)
                    started.children[pid] = edition.code
                    if said is not None:
                        started.said[pid] = said
                    started.built[site.aside(config, edition)] = Path(config.site_dir) / edition.root
        finally:
            gc.unfreeze()
        return started

    def put_in_place(self) -> None:
        """Move each edition the children built into its folder of the original's site_dir."""
        for built, folder in self.built.items():
            site.publish(built, folder)
        self.built.clear()

    def discard(self) -> None:
        """Remove what the children built beside the site, after a failed build."""
        for built in self.built:
            shutil.rmtree(built, ignore_errors=True)
        self.built.clear()

    def wait(self, report: bool = True) -> list[str]:
        """Wait for every child; returns the codes of the editions that failed (their errors are logged, and
        what a child's stderr held is written out, unless not `report`)."""
        failed = []
        for pid, code in self.children.items():
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                failed.append(code)
            if (said := self.said.pop(pid, None)) is not None:
                if report:
                    said.seek(0)
                    sys.stderr.write(said.read().decode("utf-8", "replace"))
                    sys.stderr.flush()
                said.close()
        self.children.clear()
        return failed

    def stop(self) -> None:
        """End the children, when the original's build has failed: what they said is dropped (the same template
        or content error as the original's, which MkDocs has logged once)."""
        self.kill()
        self.wait(report=False)

    def kill(self) -> None:
        """Ask the children to end (whoever waits for them sees them fail)."""
        for pid in list(self.children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass


def _build_and_exit(config: MkDocsConfig, edition: Edition, corpus: Corpus, publish: bool) -> NoReturn:
    status = 1
    try:
        site.build_aside(config, edition, corpus, publish)
        status = 0
    except Abort:
        pass  # MkDocs has logged the cause (an error, or the warnings of strict mode); the parent says which edition
    except MkDocsException as error:
        log.error("The %s edition: %s", edition.code, error)
    except BaseException:
        log.exception("The %s edition failed", edition.code)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)  # never return into the parent's build
