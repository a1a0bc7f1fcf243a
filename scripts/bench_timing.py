"""One timed build (or a timed `mkdocs serve`) in this process, for the benchmark.

The generator's functions are wrapped with a clock that keeps exclusive CPU times: a function's own
time, without the wrapped functions it calls. So the generator's steps and MkDocs (everything not
wrapped: Markdown, the theme, Material's plugins, writing files) add up to the build's CPU time, per
edition. CPU time, not wall time: the machine may be busy with other work. Also counts how often
OpenCC loads its dictionaries, in each process. The editions built in child processes
(generator/publish/forked.py) write their own clock's report, which the parent merges.

    python -m scripts.bench_timing build CONFIG SITE_DIR OUT.json [PROFILE.out]
    python -m scripts.bench_timing serve CONFIG PORT OUT.json     (stops on SIGINT)
"""

from __future__ import annotations

import cProfile
import functools
import inspect
import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mkdocs.commands.build
import opencc
from mkdocs.config import load_config

from generator.content import corpus, load
from generator.editions.edition import load_editions
from generator.publish import forked, opendata, plugin, search, site
from generator.render import renderer as render

MKDOCS = "MkDocs"
EDITIONS = load_editions(Path(__file__).resolve().parent.parent / "content")
PLUGIN = "ip-plans"
ORIGINAL = EDITIONS[0].code  # the edition a build without the plugin option `edition` renders
# (owner, attribute, step): the generator's functions, by the step of the data flow they belong to.
STEPS: list[tuple[Any, str, str]] = [
    (load.Document, "read", "read YAML"),
    (load, "validate", "validate"),
    (corpus, "load_corpus", "cross-check & enrich"),
    (site, "converter", "convert"),
    (render.Renderer, "pages", "render"),
    (site.EditionSite, "files", "render"),
    (opendata, "files", "open data"),
    (search, "records", "search index"),
    (site.EditionSite, "write_search_index", "search index"),
    (site.EditionSite, "load", "plugin & nav"),
    (site.EditionSite, "configure", "plugin & nav"),
    (site.EditionSite, "page_context", "plugin & nav"),
    *((plugin.SitePlugin, event, "plugin & nav")
      for event in ("on_config", "on_pre_build", "on_files", "on_page_context", "on_serve", "on_post_build")),
]
DICTIONARIES = "OpenCC dictionaries"  # loaded once per process, by whichever step needs them first
GENERATOR_STEPS = [*dict.fromkeys(step for _, _, step in STEPS), DICTIONARIES]


@dataclass
class _Frame:
    edition: str
    step: str
    start: float
    children: float = 0.0


class Clock:
    """Exclusive CPU time per (edition, step); the edition is the caller's unless a frame names its own."""

    def __init__(self, children: Path) -> None:
        self.children = children  # folder of the reports of the child processes
        self.restart()

    def restart(self) -> None:
        self.stack: list[_Frame] = []
        self.seconds: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.builds: list[tuple[str, float]] = []  # (edition, CPU seconds) of every MkDocs build, nested ones too
        self.loads: Counter[str] = Counter()

    def timed(self, step: str, func: Callable[..., Any], edition: Callable[..., str] | None = None,
              build: bool = False) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            code = edition(*args, **kwargs) if edition else (self.stack[-1].edition if self.stack else "zh-Hans")
            frame = _Frame(code, step, time.process_time())
            self.stack.append(frame)
            try:
                return func(*args, **kwargs)
            finally:
                elapsed = time.process_time() - frame.start
                self.stack.pop()
                self.seconds[code][step] += elapsed - frame.children
                if self.stack:
                    self.stack[-1].children += elapsed
                if build:
                    self.builds.append((code, elapsed))

        return wrapper

    def install(self) -> list[str]:
        """Wrap the generator's steps, MkDocs' build and the dictionary loads; returns what is missing."""
        missing = []
        for owner, name, step in STEPS:
            if not hasattr(owner, name):
                missing.append(f"{getattr(owner, '__name__', owner)}.{name}")
                continue
            _replace(owner, name, lambda func, step=step: self.timed(step, func, _edition_of(func)))
        _replace(site, "identity", lambda func: self.timed("convert", func))
        _replace(site, "converter", lambda func: functools.cache(
            lambda *args: self.timed("convert", func(*args))))
        _replace(mkdocs.commands.build, "build", lambda func: self.timed(
            MKDOCS, func, lambda config, **_: config.plugins[PLUGIN].config.edition or ORIGINAL, build=True))
        # The other editions' configurations are loaded inside the original's build.
        _replace(site, "load_config", lambda func: self.timed(MKDOCS, func, _edition_of_site_dir))
        if hasattr(site, "build_edition"):
            _replace(site, "build_edition", self._reported_from_child)
        self._count_loads()
        return missing

    def _reported_from_child(self, func: Callable[..., Any]) -> Callable[..., Any]:
        parent = os.getpid()

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if os.getpid() == parent:
                return func(*args, **kwargs)
            self.restart()  # a forked child: its own times, from zero
            try:
                return func(*args, **kwargs)
            finally:
                (self.children / f"{os.getpid()}.json").write_text(json.dumps(self.report()), encoding="utf-8")

        return wrapper

    def _count_loads(self) -> None:
        opencc_init = opencc.OpenCC.__init__

        def count_opencc(engine: Any, config: str = "t2s", *args: Any, **kwargs: Any) -> None:
            self.loads[f"OpenCC {Path(config).stem}"] += 1
            opencc_init(engine, config, *args, **kwargs)

        opencc.OpenCC.__init__ = self.timed(DICTIONARIES, count_opencc)  # type: ignore[method-assign]

    def report(self) -> dict[str, Any]:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return {
            "seconds": {edition: dict(steps) for edition, steps in self.seconds.items()},
            "builds": self.builds,
            "loads": [dict(self.loads)],  # one entry per process
            "cpu_seconds": usage.ru_utime + usage.ru_stime,  # the whole process, imports included
            "maxrss_kb": usage.ru_maxrss,
        }

    def merged(self) -> dict[str, Any]:
        """The report of this process with those of its children: times added, loads per process."""
        report = self.report()
        children = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(self.children.glob("*.json"))]
        for child in children:
            for edition, steps in child["seconds"].items():
                for step, seconds in steps.items():
                    report["seconds"].setdefault(edition, {}).setdefault(step, 0.0)
                    report["seconds"][edition][step] += seconds
            report["builds"] += child["builds"]
            report["loads"] += child["loads"]
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        report["children_cpu"] = [child["cpu_seconds"] for child in children]
        report["processes_maxrss_kb"] = {ORIGINAL: report["maxrss_kb"], **{
            code: child["maxrss_kb"] for child in children for code in child["seconds"]}}
        report["cpu_seconds"] += usage.ru_utime + usage.ru_stime
        report["maxrss_kb"] = max(report["maxrss_kb"], usage.ru_maxrss)  # of the largest process
        return report


def _edition_of(func: Callable[..., Any]) -> Callable[..., str] | None:
    """How a wrapped function tells its edition: an EditionSite, the plugin's config or a `code` argument."""
    parameters = list(inspect.signature(func).parameters)
    if parameters[:1] == ["self"] and func.__qualname__.startswith("EditionSite."):
        return lambda self, *args, **kwargs: self.edition.code
    if parameters[:1] == ["self"] and func.__qualname__.startswith("SitePlugin."):
        return lambda self, *args, **kwargs: self.config.edition or ORIGINAL
    if func.__qualname__ == "EditionSite.load":  # a classmethod: cls, content, code
        return lambda cls, content, code, *args, **kwargs: code or ORIGINAL
    return None


def _edition_of_site_dir(*args: Any, site_dir: str = "", **kwargs: Any) -> str:
    folder = Path(site_dir).name
    return next((edition.code for edition in EDITIONS if edition.root.strip("/") == folder), EDITIONS[0].code)


def _replace(owner: Any, name: str, wrap: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    """Replace `owner.name` by its wrapped form, also where a generator module imported it by name."""
    raw = inspect.getattr_static(owner, name)
    kind = type(raw) if isinstance(raw, classmethod | staticmethod) else None
    original = raw.__func__ if kind else raw
    wrapped = wrap(original)
    setattr(owner, name, kind(wrapped) if kind else wrapped)
    if kind or inspect.isclass(owner):
        return
    for module in [module for key, module in sys.modules.items() if key.startswith("generator")]:
        for attribute, value in list(vars(module).items()):
            if value is original:
                setattr(module, attribute, wrapped)


def build(config_file: Path, site_dir: Path, out: Path, profile: Path | None = None) -> None:
    """`mkdocs build` of `config_file` into `site_dir`, as the command line does it, timed; the report goes to
    `out`. Under the profiler, the editions build one after another in this process."""
    clock = Clock(Path(tempfile.mkdtemp(prefix="bench-children-")))
    missing = clock.install()
    startup, start, start_wall = time.process_time(), time.process_time(), time.perf_counter()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        forked.CAN_FORK = False
        profiler.enable()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    clock.seconds["zh-Hans"][MKDOCS] += time.process_time() - start
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs.commands.build.build(config)
    finally:
        config.plugins.on_shutdown()
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(profile))
    report = {**clock.merged(), "startup_cpu": startup, "build_wall": time.perf_counter() - start_wall,
              "original_cpu": time.process_time() - start, "missing": missing}
    out.write_text(json.dumps(report), encoding="utf-8")
    shutil.rmtree(clock.children)


def serve(config_file: Path, port: int, out: Path) -> None:
    """`mkdocs serve` with live reload on 127.0.0.1:`port`; on SIGINT, writes the clock's report to `out`."""
    from mkdocs.commands import serve as mkdocs_serve

    clock = Clock(Path(tempfile.mkdtemp(prefix="bench-children-")))
    missing = clock.install()
    mkdocs_serve.build = mkdocs.commands.build.build  # type: ignore[attr-defined]  # the timed one
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a background process may inherit SIGINT ignored
    mkdocs_serve.serve(config_file=str(config_file), livereload=True, dev_addr=f"127.0.0.1:{port}")
    out.write_text(json.dumps({**clock.merged(), "missing": missing}), encoding="utf-8")
    shutil.rmtree(clock.children)


def main(argv: list[str]) -> None:
    command, config_file, target, out, *rest = argv
    if command == "build":
        build(Path(config_file), Path(target), Path(out), Path(rest[0]) if rest else None)
    elif command == "serve":
        serve(Path(config_file), int(target), Path(out))
    else:
        raise SystemExit(f"unknown command {command!r}: expected build or serve")


if __name__ == "__main__":
    main(sys.argv[1:])
