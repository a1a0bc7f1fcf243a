"""One edition against the floor: the original edition built by the project alone, and the same generated pages
written out and built by plain MkDocs + Material (the same mkdocs.yml without the project's plugin), side by side.

The plain build has no search index, no open data checks and no per-page context of the plugin: what it costs
is what MkDocs and Material cost for these pages. A second plain build adds Material's own search plugin, as a
plain MkDocs + Material site has it: the search a site of these pages would have without the project's. The
three run one after the other, `runs` times; the CPU time of each build process (children included) is what is
compared, its medians.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config

from generator.publish.site import PLUGIN, EditionSite

PLAIN_DOCS = "plain-docs"  # the generated pages, written out beside the project's docs


@dataclass
class Floor:
    """CPU seconds of each run: the project's build of the original edition alone, the plain build, and the
    plain build with Material's search."""

    project: list[float]
    plain: list[float]
    searched: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.project) / statistics.median(self.plain)

    @property
    def searched_ratio(self) -> float:
        return statistics.median(self.project) / statistics.median(self.searched)


def configs(config_file: Path) -> tuple[Path, Path, Path]:
    """Beside `config_file`: mkdocs-one.yml (the original edition only), mkdocs-plain.yml (its generated
    pages, written into plain-docs/, built without the plugin: the navigation and names the plugin would set)
    and mkdocs-plain-search.yml (the same with Material's search plugin, in its default configuration)."""
    project = config_file.parent
    settings: dict[str, Any] = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    plugin = next(entry[PLUGIN] for entry in settings["plugins"] if isinstance(entry, dict) and PLUGIN in entry)
    alone = {**settings, "plugins": [{PLUGIN: {**plugin, "editions": False}} if isinstance(entry, dict) and PLUGIN in entry
                                     else entry for entry in settings["plugins"]]}
    one = project / "mkdocs-one.yml"
    one.write_text(yaml.safe_dump(alone, allow_unicode=True, sort_keys=False), encoding="utf-8")

    edition = EditionSite.load(project / plugin.get("content", "content"), "zh-Hans")
    config = load_config(config_file=str(config_file))
    edition.configure(config)
    docs = project / PLAIN_DOCS
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(project / settings.get("docs_dir", "docs"), docs)
    for path, content in edition.files().items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(content, encoding="utf-8")
    plugins = [entry for entry in settings["plugins"] if not (isinstance(entry, dict) and PLUGIN in entry)]
    plugins = [{"redirects": {"redirect_maps": edition.redirects()}} if isinstance(entry, dict) and "redirects" in entry
               else entry for entry in plugins]
    plain_settings = {**settings, "docs_dir": PLAIN_DOCS, "plugins": plugins, "nav": config.nav,
                      "site_name": config.site_name, "site_description": config.site_description,
                      "strict": False}  # the theme's overrides miss the plugin's context: not an error here
    plain = project / "mkdocs-plain.yml"
    plain.write_text(yaml.safe_dump(plain_settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    searched = project / "mkdocs-plain-search.yml"
    searched.write_text(yaml.safe_dump({**plain_settings, "plugins": ["search", *plugins]}, allow_unicode=True,
                                       sort_keys=False), encoding="utf-8")
    return one, plain, searched


def cpu_of_build(config_file: Path, site_dir: Path, env: dict[str, str]) -> float:
    """CPU seconds of `mkdocs build` of `config_file` in a process of its own (and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file),
               "--site-dir", str(site_dir)]
    result = subprocess.run(command, check=False, env=env, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"the build of {config_file.name} failed:\n{result.stderr}")
    shutil.rmtree(site_dir, ignore_errors=True)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_floor(config_file: Path, runs: int, env: dict[str, str] | None = None) -> Floor:
    """The project's build of the original edition alone against the plain build of its pages, `runs` pairs."""
    one, plain, searched = configs(config_file)
    env = env or dict(os.environ)
    floor = Floor([], [], [])
    for _ in range(runs):
        floor.project.append(cpu_of_build(one, config_file.parent / "site-one", env))
        floor.plain.append(cpu_of_build(plain, config_file.parent / "site-plain", env))
        floor.searched.append(cpu_of_build(searched, config_file.parent / "site-plain-search", env))
    return floor
