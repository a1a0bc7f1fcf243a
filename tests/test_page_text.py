"""The Traditional conversion reads a page's text only: its markup is never an input of the converter."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.corpus import Corpus
from generator.editions.convert import KEEP_END, KEEP_START, keep, phrase_converter
from generator.editions.page_text import TEXT_ATTRIBUTES, convert_page, tokens
from generator.publish.reference import FEATURES
from generator.publish.site import EditionSite
from generator.render.renderer import Renderer
from tests.conftest import CONTENT

# Phrases a hostile dictionary could hold, their sides markup, attribute text, or text that writes markup.
HOSTILE = {
    'class="ip-text"': 'onload="alert(1)"',
    "ip-item": "ip-evil",
    "href": "onclick",
    "aria-label": "onfocus",
    "<a": "<svg/onload=alert(1)>",
    "</div>": "<div>",
    "&amp;": "<script>",
    "&#34;": "&quot;onmouseover=alert(1)",
    "知识产权": "知識產權<svg/onload=alert(1)>",
    "专利": '專利"onclick="alert(1)',
}


class _Markup(HTMLParser):
    """The markup of a page: its tags and their attributes (the text ones by name only), apart from the charts'
    drawings, whose sizes follow the length of their converted labels; and the names of all attributes."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[str, ...]] = []
        self.names: set[str] = set()
        self.drawing = 0
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.update(name for name, _ in attrs)
        self.drawing += tag == "svg"
        if not self.drawing:
            self.found.append((tag, *(f"{name}={'…' if name in TEXT_ATTRIBUTES else value}" for name, value in attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.drawing:
            self.found.append((f"/{tag}",))
        self.drawing -= tag == "svg"


def test_phrases_that_look_like_markup_change_no_markup(corpus: Corpus) -> None:
    """Every page of the Traditional edition rendered with a dictionary of markup-like phrases has the markup
    of the real one, tag for tag and attribute for attribute; what such a phrase writes is printed as text."""
    site = EditionSite.load(CONTENT, "zh-Hant", corpus=corpus)
    hostile = Renderer(corpus, site.edition, phrase_converter(HOSTILE), features=FEATURES,
                       interface=site.interface).pages()
    real = Renderer(corpus, site.edition, site.convert, features=FEATURES, interface=site.interface).pages()
    assert hostile.keys() == real.keys()
    for path, page in hostile.items():
        markup, expected = _Markup(page), _Markup(real[path])
        assert markup.found == expected.found, path
        assert markup.names == expected.names, path
    printed = "".join(hostile.values())
    assert printed.count("知識產權&lt;svg/onload=alert(1)&gt;") > 100  # the phrase applied, as text
    assert "專利&quot;onclick=&quot;alert(1)" in printed
    assert "<svg/onload" not in printed and "<script>" not in printed


def test_text_and_text_attributes_convert_and_nothing_else() -> None:
    convert = phrase_converter({})
    page = (f'<p title="知识" data-x="知识" class="知识">知识&amp;产权 {keep("<b>产权</b>")} 专利</p>\n'
            '<script>var s = "专利";</script><!-- 专利 --><img alt="图表 &quot;专利&quot;">\n# 标题 `代码`\n')
    assert convert_page(page, convert) == (
        '<p title="知識" data-x="知识" class="知识">知識&amp;產權 <b>产权</b> 專利</p>\n'
        '<script>var s = "专利";</script><!-- 专利 --><img alt="圖表 &quot;專利&quot;">\n# 標題 `代碼`\n'
    )


def test_a_kept_span_across_tags_is_kept_whole() -> None:
    convert = phrase_converter({})
    page = f'<div>{KEEP_START}<svg><title>专利</title><a title="专利">专利</a></svg>{KEEP_END}专利</div>'
    assert convert_page(page, convert) == '<div><svg><title>专利</title><a title="专利">专利</a></svg>專利</div>'


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list('<>&;#x"\'=/! -abc知识\n') + [KEEP_START, KEEP_END]), max_size=60))
def test_any_page_splits_into_tokens_that_give_it_back(page: str) -> None:
    """Whatever a page holds, its tokens join to it, and a conversion that changes nothing changes nothing
    but the keep marks."""
    assert "".join(source for _, _, source in tokens(page)) == page
    assert convert_page(page, lambda text: text) == page.replace(KEEP_START, "").replace(KEEP_END, "")
