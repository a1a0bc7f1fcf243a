"""The raw-block extension changes how fast Markdown runs, never what it writes."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.corpus import Corpus
from generator.publish import site
from generator.publish.raw_html import RawBlocksExtension

EXTENSIONS = ["attr_list", "toc"]  # mkdocs.yml's


def html(text: str, raw_blocks: bool) -> str:
    return markdown.Markdown(extensions=[*EXTENSIONS, *([RawBlocksExtension()] if raw_blocks else [])]).convert(text)


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant", "ja"])
def test_every_generated_page_converts_the_same(corpus: Corpus, code: str) -> None:
    edition_site = site.EditionSite.load(corpus.content, code, None, corpus)
    for path, text in edition_site.renderer.pages().items():
        assert html(text, True) == html(text, False), path


# Lines of the kinds the pages hold, and of kinds they don't: blocks that close early, stay open, nest
# the same tag, carry text after their end tag or Markdown inside.
LINES = st.sampled_from([
    "# 标题 { #s1 }", "正文 *强调*", "- 列表项", "",
    '<div class="ip-item" id="t1">', "<div>", "</div>", "</div> 尾随文字", "<p>段落</p>", "<p>未闭合",
    '<p class="ip-tags"><a href="x/">机构</a></p>', "<table><tr><td>1</td></tr></table>", "<table>",
    "<nav><a href='#a'>a</a></nav>", "<details><summary>3 项</summary>", "</details>", "**粗体**",
    "<div><div>嵌套</div></div>", "<div>内<div>", "<span>行内</span>", "<!-- 注释 -->", "<p>a</p><p>b</p>",
    "  <div>缩进</div>", "    <div>代码</div>", "文字 <div>", "<h2 id='x'>标题</h2>", "<ul><li>项</li></ul>",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(LINES, max_size=12))
def test_any_text_converts_the_same(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert html(text, True) == html(text, False)
