"""Fuzzing every loader: whatever a content file holds, the build stops with one line, never a traceback.

Hypothesis mutates the fixture content (wrong types, missing and unknown keys, random text, YAML
anchors and tags, tabs, control characters, deep nesting, bytes that are not UTF-8) and checks that
`load_corpus` either loads it or raises ContentError with a one-line message; content that loads
must also render every page. The other content files (glossary, cited documents, lineage, translations,
term base, search words, anchor lock, phrase dictionaries, audited characters) are mutated the same way,
from the real content's files, and read with the function the build reads them with.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.content import lock
from generator.content.corpus import Corpus, load_corpus
from generator.content.errors import ContentError
from generator.content.glossary import check_glossary, load_glossary
from generator.content.laws import load_laws
from generator.content.lineage import load_lineage
from generator.content.termbase import load_rules
from generator.content.translations import load_translation
from generator.editions.convert import converter, interface
from generator.editions.edition import EDITIONS
from generator.publish import search
from generator.publish.site import INTERFACE, PHRASES
from generator.render.renderer import Renderer
from generator.tools import audit
from tests.conftest import CONTENT

FIXTURE = Path(__file__).parent / "fixtures" / "content"
FILES = ["plans/mini-plan-2024.yaml", "agencies.yaml", "themes.yaml"]
TARGETS = [*FILES, "anchors.lock"]
KEYS = ["id", "title", "name", "names", "name_ja", "kind", "parent", "anchor", "marker", "text", "items", "lead",
        "participants", "mode", "themes", "add", "remove", "source", "note", "file", "keywords", "aliases", "measures"]
SETTINGS = settings(max_examples=70, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

odd_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), odd_text,
    st.sampled_from(["", "t1", "s1", "s1-t1", "cnipa", "samr", "patent", "task", "2024-02-30", "<script>x</script>",
                     "出所：2024年3月1日付け中国国家知識産権局ウェブサイト\njavascript:alert(1)", "\u202e", "\ufeff",
                     "知识\u200b产权", "\ue000知识产权\ue001", "\U000f0001", "知识产权\u2028", "t1８", " ", "\u3000"]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.one_of(st.sampled_from(KEYS), odd_text), children, max_size=4)),
    max_leaves=12,
)
# Pieces that YAML reads in a special way: anchors, aliases, merges, tags, block scalars, flow brackets.
TOKENS = ["&a ", "*a", "<<: *a\n", "\t", "- ", ": ", "? ", "[", "]", "{", "}", "!!python/object:os.system ",
          "!!binary ", "|\n", ">-\n", "'", '"', "\n  ", "\x00", "\x07", "\ufeff", "\u2028", "#", "%YAML 1.1\n", "---\n",
          "...\n"]


@contextmanager
def fixture_copy() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(FIXTURE, content)
        yield content


def loads_or_stops_cleanly(content: Path) -> None:
    """The property: ContentError with one line, or content that loads and renders in every edition."""
    try:
        corpus = load_corpus(content)
    except ContentError as error:
        message = str(error)
        assert message and "\n" not in message
        event("stopped with one line")
        return
    for edition in EDITIONS:
        Renderer(corpus, edition).pages()
    event("loaded and rendered")


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path of a YAML data tree, the root included."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


def mutate(data: Any, path: tuple[Any, ...], operation: str, value: Any) -> Any:
    """Replace, delete, wrap or extend the node at `path`."""
    if not path:
        return value if operation == "replace" else [data] if operation == "wrap" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if operation == "delete":
        del parent[last]
    elif operation == "wrap":
        parent[last] = [parent[last]]
    elif operation == "add-key" and isinstance(parent[last], dict):
        parent[last][value if isinstance(value, str) else "extra"] = value
    else:
        parent[last] = value
    return data


@SETTINGS
@given(data=st.data())
def test_mutated_structures_load_or_stop_with_one_line(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(FILES), label="file")
    with fixture_copy() as content:
        tree = yaml.safe_load((content / name).read_text(encoding="utf-8"))
        for _ in range(data.draw(st.integers(1, 3), label="mutations")):
            path = data.draw(st.sampled_from(paths(tree)), label="path")
            operation = data.draw(st.sampled_from(["replace", "retext", "delete", "wrap", "add-key"]), label="operation")
            value = data.draw(odd_text if operation == "retext" else values, label="value")
            tree = mutate(tree, path, "replace" if operation == "retext" else operation, value)
        text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
        (content / name).write_text(text, encoding="utf-8")
        loads_or_stops_cleanly(content)


@SETTINGS
@given(data=st.data())
def test_edited_text_loads_or_stops_with_one_line(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(TARGETS), label="file")
    with fixture_copy() as content:
        path = content / name
        text = path.read_text(encoding="utf-8") if path.exists() else "mini-plan-2024#t1\n"
        for _ in range(data.draw(st.integers(1, 4), label="edits")):
            at = data.draw(st.integers(0, len(text)), label="position")
            cut = data.draw(st.integers(0, 8), label="deleted")
            piece = data.draw(st.one_of(st.sampled_from(TOKENS), odd_text), label="inserted")
            text = text[:at] + piece + text[at + cut:]
        path.write_text(text, encoding="utf-8")
        loads_or_stops_cleanly(content)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(name=st.sampled_from(TARGETS), raw=st.one_of(st.binary(max_size=200), odd_text.map(str.encode)))
def test_any_bytes_load_or_stop_with_one_line(name: str, raw: bytes) -> None:
    with fixture_copy() as content:
        (content / name).write_bytes(raw)
        loads_or_stops_cleanly(content)


@settings(max_examples=20, deadline=None, derandomize=True)
@given(depth=st.integers(1, 1500), shape=st.sampled_from(["flow-list", "flow-map", "block-map", "items"]))
def test_deep_nesting_loads_or_stops_with_one_line(depth: int, shape: str) -> None:
    with fixture_copy() as content:
        plan = content / "plans/mini-plan-2024.yaml"
        if shape == "flow-list":
            text = "items: " + "[" * depth + "]" * depth + "\n"
        elif shape == "flow-map":
            text = "items: " + "{a: " * depth + "b" + "}" * depth + "\n"
        elif shape == "block-map":
            text = "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "v\n"
        else:  # sub-sections nested in sub-sections, each a valid item
            opening = "".join(f"{{anchor: s1-{level + 2}, kind: subsection, title: 上层, items: [" for level in range(depth))
            nested = opening + "{anchor: s1-1, kind: subsection, title: 下层}" + "]}" * depth
            text = plan.read_text(encoding="utf-8").partition("  items:\n")[0] + f"  items: [{nested}]\n"
        plan.write_text(text, encoding="utf-8")
        loads_or_stops_cleanly(content)


# Every other content file, read as the build reads it (the real corpus for its cross-references).
TRANSLATION = "translations/ja/admin-protection-plan-2023.yaml"
LOADERS: dict[str, Callable[[Path, Corpus], object]] = {
    "glossary.yaml": lambda content, corpus: check_glossary(content, load_glossary(content), corpus),
    "laws.yaml": lambda content, corpus: load_laws(content / "laws.yaml", corpus),
    "lineage.yaml": lambda content, corpus: load_lineage(content / "lineage.yaml", corpus),
    TRANSLATION: lambda content, corpus: load_translation(
        content / TRANSLATION, next(p for p in corpus.plans if p.id == "admin-protection-plan-2023"), "ja"),
    "translations/ja-terms.yaml": lambda content, corpus: load_rules(content, "ja"),
    "translations/ja-search.yaml": lambda content, corpus: search.reader_words(content, corpus)("知识产权保护"),
    "anchors.lock": lambda content, corpus: lock.check(content / lock.LOCK, corpus.plans),
    str(PHRASES): lambda content, corpus: converter(content / PHRASES)("知识产权公共服务"),
    str(INTERFACE): lambda content, corpus: interface(content / INTERFACE)("复制到剪贴板"),
    "zh-Hant/characters.txt": lambda content, corpus: audit.characters(content),
}
YAML_FILES = [name for name in LOADERS if name.endswith(".yaml")]
# Characters no content file may hold (the byte-order mark is allowed at the very start of a file only).
REFUSED = ["\x00", "\x07", "\x1b", "\x85", "\u200b", "\u200e", "\u202e", "\u2066", "\u2028", "\u2060", "\ue000",
           "\ue001", "\uf8ff", "\U000f0001"]


@cache
def real_corpus() -> Corpus:
    return load_corpus(CONTENT)


def reads_or_stops_cleanly(name: str, text: str | bytes) -> ContentError | None:
    """The property for one file of the real content holding `text`: read, or ContentError with one line."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        (content / "zh-Hant").mkdir(parents=True)
        shutil.copy(CONTENT / PHRASES, content / PHRASES)  # the glossary's Traditional forms are checked with it
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        try:
            LOADERS[name](content, real_corpus())
        except ContentError as error:
            message = str(error)
            assert message and "\n" not in message
            event("stopped with one line")
            return error
    event("read")
    return None


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_every_content_file_with_mutated_structures_reads_or_stops_with_one_line(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(YAML_FILES), label="file")
    tree = yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        path = data.draw(st.sampled_from(paths(tree)), label="path")
        operation = data.draw(st.sampled_from(["replace", "retext", "delete", "wrap", "add-key"]), label="operation")
        value = data.draw(odd_text if operation == "retext" else values, label="value")
        tree = mutate(tree, path, "replace" if operation == "retext" else operation, value)
    reads_or_stops_cleanly(name, yaml.safe_dump(tree, allow_unicode=True, sort_keys=False))


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_every_content_file_with_edited_text_reads_or_stops_with_one_line(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(LOADERS)), label="file")
    text = (CONTENT / name).read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(text)), label="position")
        cut = data.draw(st.integers(0, 8), label="deleted")
        piece = data.draw(st.one_of(st.sampled_from(TOKENS), odd_text), label="inserted")
        text = text[:at] + piece + text[at + cut:]
    reads_or_stops_cleanly(name, text)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(name=st.sampled_from(sorted(LOADERS)), raw=st.one_of(st.binary(max_size=200), odd_text.map(str.encode)))
def test_every_content_file_of_any_bytes_reads_or_stops_with_one_line(name: str, raw: bytes) -> None:
    reads_or_stops_cleanly(name, raw)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(name=st.sampled_from(sorted(LOADERS)), char=st.sampled_from(REFUSED), data=st.data())
def test_an_invisible_or_private_character_anywhere_stops_with_its_code_point(name: str, char: str,
                                                                             data: st.DataObject) -> None:
    """Control, bidirectional, zero-width, separator and private-use characters are refused wherever they are,
    with their code point named."""
    text = (CONTENT / name).read_text(encoding="utf-8")
    at = data.draw(st.integers(0, len(text)), label="position")
    error = reads_or_stops_cleanly(name, text[:at] + char + text[at:])
    assert error is not None and f"U+{ord(char):04X}" in str(error)


@settings(max_examples=12, deadline=None, derandomize=True)
@given(name=st.sampled_from(YAML_FILES), depth=st.integers(1, 1500), shape=st.sampled_from(["[", "{a: "]))
def test_every_content_file_nested_deep_reads_or_stops_with_one_line(name: str, depth: int, shape: str) -> None:
    key = next(iter(yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))))
    close = "]" if shape == "[" else "}"
    reads_or_stops_cleanly(name, f"{key}: {shape * depth}{'' if shape == '[' else 'b'}{close * depth}\n")
