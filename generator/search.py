"""The search index of an edition: one entry per citable item, segmented with jieba.

Material's search plugin indexes a page by its headings, so a hit inside task 118 would lead to
the top of its section. This module replaces the entries of the generated pages with one entry
per item (its anchor as location) and one per agency and theme.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jieba

from generator.corpus import Corpus
from generator.editions import Edition
from generator.render import item_label

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
ZWSP = "\u200b"


def user_words(corpus: Corpus) -> list[str]:
    """Terms that must stay whole: agency names, theme names and keywords, glossary terms."""
    words = {name for agency in corpus.agencies.values() for name in [agency.name, *agency.names]}
    for theme in corpus.themes.values():
        words.update([theme.name, *theme.keywords])
    words.update(GLOSSARY)
    return sorted(word for word in words if len(word) > 1)


# Domain terms that jieba's general dictionary cuts apart.
GLOSSARY = (
    "知识产权", "数据知识产权", "专利开放许可", "开放许可", "集成电路布图设计", "非正常专利申请", "商标恶意注册",
    "恶意注册", "地理标志", "海牙协定", "马德里", "剑网", "昆仑", "植物新品种", "商业秘密", "遗传资源",
    "传统知识", "民间文艺", "专利导航", "行政裁决", "知识产权强国", "质押融资", "正版化", "实用新型",
    "外观设计", "专利审查", "商标审查", "维权援助", "快速维权", "保护中心",
)


@cache
def _prepare(words: tuple[str, ...]) -> None:
    """Load the user words into jieba once per process."""
    jieba.setLogLevel(60)
    for word in words:
        jieba.add_word(word, freq=2_000_000)


def segment(text: str, convert: Callable[[str], str]) -> str:
    """Segment the Simplified text with jieba, then convert: s2tw keeps lengths, so the cuts hold."""

    def cut(match: re.Match[str]) -> str:
        return ZWSP + ZWSP.join(jieba.cut(match[0], HMM=True)) + ZWSP

    segmented = _HAN.sub(cut, text).strip(ZWSP)
    return convert(segmented)


def entries(corpus: Corpus, edition: Edition, convert: Callable[[str], str],
            label: Callable[[str], str], agency_name: Callable[[str], str],
            theme_name: Callable[[str], str]) -> list[dict[str, Any]]:
    _prepare(tuple(user_words(corpus)))
    docs: list[dict[str, Any]] = []
    for plan in corpus.plans:
        # The page entry: Material groups the item entries of a page under it.
        docs.append({"location": f"plans/{plan.id}/", "title": segment(plan.title, convert),
                     "text": segment(plan.title, convert)})
    for entry in corpus.entries:
        agencies = [agency_name(a) for a in (*entry.lead, *entry.participants)]
        item = entry.item
        title = item_label(entry, edition)
        if item.title and not item.marker:  # a task row of the task list: its own heading
            title = f"{title} {item.title}"
        elif item.kind in ("section", "subsection"):
            title = item.heading
        text = "\n".join(piece for piece in item.printed() if piece != title)
        text += "\n" + "、".join(agencies) if agencies else ""
        docs.append({"location": entry.url, "title": segment(title, convert),
                     "text": segment(text, convert)})
    for agency in corpus.agencies.values():
        names = "、".join([agency.name, *agency.names, agency.name_ja])
        docs.append({"location": f"agencies/{agency.id}/", "title": segment(agency_name(agency.id), convert),
                     "text": segment(names, convert)})
    for theme in corpus.themes.values():
        docs.append({"location": f"themes/{theme.id}/", "title": segment(theme_name(theme.id), convert),
                     "text": segment("、".join([theme.name, theme.name_ja, *(theme.description or "",)]), convert)})
    return docs


def rewrite_index(path: Path, generated: Iterable[str], docs: list[dict[str, Any]]) -> int:
    """Replace the entries of the generated pages in Material's index; returns the index size in bytes."""
    index = json.loads(path.read_text(encoding="utf-8"))
    prefixes = tuple(generated)
    kept = [doc for doc in index["docs"] if not doc["location"].startswith(prefixes)]
    index["docs"] = kept + docs
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


# Material 9.8's query segmenter never tries a token that ends at the query's last character
# (`o<t.length`), so a whole-word query such as 数据知识产权 falls apart into 数据/知识/产权.
_SEGMENTER_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
_SEGMENTER_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def patch_worker(site_dir: Path) -> None:
    """Fix the query segmenter in the built search worker; fail loudly if Material changed it."""
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not workers:
        raise FileNotFoundError(f"{site_dir}: no search worker to patch")
    for worker in workers:
        code = worker.read_text(encoding="utf-8")
        if _SEGMENTER_FIX in code:
            continue
        if _SEGMENTER_BUG not in code:
            raise ValueError(f"{worker.name}: the search segmenter changed; review generator/search.py")
        worker.write_text(code.replace(_SEGMENTER_BUG, _SEGMENTER_FIX), encoding="utf-8")
