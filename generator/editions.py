"""The three editions of the site and the interface labels each one shows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    code: str  # the edition's id and its root folder ('' for the original)
    root: str
    theme_language: str  # Material's interface language
    html_lang: str  # lang of the page
    body_lang: str  # lang of the Chinese body text
    name: str  # the edition's own name, for the switcher

    @property
    def original(self) -> bool:
        return self.root == ""


EDITIONS = (
    Edition("zh-Hans", "", "zh", "zh-Hans", "zh-Hans", "简体中文（原文）"),
    Edition("zh-Hant", "zh-Hant/", "zh-Hant", "zh-Hant", "zh-Hant", "繁體中文（自動轉換）"),
    Edition("ja", "ja/", "ja", "ja", "zh-Hans", "日本語"),
)
BY_CODE = {edition.code: edition for edition in EDITIONS}

# Interface labels in Simplified Chinese and Japanese; the Traditional edition converts the Simplified.
LABELS: dict[str, tuple[str, str]] = {
    "site_name": ("中国知识产权政策规划参考", "中国知的財産権政策計画リファレンス"),
    "home": ("首页", "ホーム"),
    "plans": ("规划", "計画"),
    "agencies": ("机构", "所管機関"),
    "themes": ("主题", "テーマ"),
    "all_plans": ("全部规划", "すべての計画"),
    "full_text": ("全文", "全文"),
    "lead": ("牵头", "主管"),
    "participants": ("参与", "参加"),
    "lead_items": ("牵头事项", "主管する項目"),
    "participant_items": ("参与事项", "参加する項目"),
    "joint": ("负责", "共同で担当"),
    "by_remit": ("按职责分工负责", "職責分担に従い担当"),
    "items": ("事项", "項目"),
    "item_count": ("事项数", "項目数"),
    "tasks": ("任务", "タスク"),
    "measures": ("举措", "措置"),
    "sections": ("部分", "章"),
    "issuer": ("发布机关", "発行機関"),
    "doc_number": ("文号", "文書番号"),
    "issued": ("印发日期", "発行日"),
    "published": ("发布时间", "公表日"),
    "source": ("出处", "出所"),
    "source_note": ("出处说明（原文照录）", "出所表記（原文のまま）"),
    "source_date": ("出处日期", "出所の日付"),
    "source_link": ("原文链接", "原文へのリンク"),
    "source_publisher": ("发布者（原文照录）", "公表元（原文のまま）"),
    "no_source_note": ("本文件未附出处说明。", "この文書には出所表記がありません。"),
    "permalink": ("本项链接", "この項目へのリンク"),
    "cite": ("引用", "引用"),
    "cite_action": ("复制引用", "引用をコピー"),
    "cite_separator": ("，", "、"),
    "cite_copied": ("已复制引用：", "引用をコピーしました："),
    "cite_failed": ("无法写入剪贴板，请手动复制：", "クリップボードに書き込めません。手動でコピーしてください："),
    "alias_notice": ("您打开的链接 #{old} 所指的条目现在的锚点是 #{new}，已为您跳转。",
                     "開いたリンク #{old} の項目は現在 #{new} にあります。移動しました。"),
    "shares_with": ("共同承担事项的机构", "項目を共同で担当する機関"),
    "kind": ("类别", "種別"),
    "parent": ("上级机构", "上位機関"),
    "names": ("文中称谓", "本文中の表記"),
    "theme_items": ("相关事项", "関連項目"),
    "per_plan": ("各规划事项数", "計画ごとの項目数"),
    "total": ("合计", "合計"),
    "departments": ("局内执行部门", "局内の執行部門"),
    "obligations": ("地方任务", "地方の義務"),
    "level.national": ("国家知识产权局", "国家知識産権局"),
    "level.all-regions": ("各地区", "各地域"),
    "level.regions-concerned": ("涉及地区", "関係地域"),
    "duty.required": ("必做", "必須"),
    "duty.optional": ("选做", "選択"),
    "level.province": ("省份", "省"),
    "level.city": ("城市", "都市"),
    "kind.party": ("党中央机构", "党中央機関"),
    "kind.state-council": ("国务院部门", "国務院部門"),
    "kind.court": ("法院", "裁判所"),
    "kind.procuratorate": ("检察机关", "検察機関"),
    "kind.military": ("军队", "軍"),
    "kind.people-organisation": ("人民团体", "人民団体"),
    "kind.institution": ("事业单位", "事業単位"),
    "kind.cnipa-department": ("国家知识产权局内设部门", "国家知識産権局の内部部門"),
    "kind.coordination-body": ("议事协调机构", "調整機関"),
    "kind.local": ("地方知识产权管理部门", "地方知的財産権部門"),
    "kind.notice": ("通知", "通知"),
    "kind.preamble": ("前言", "前文"),
    "kind.section": ("部分", "章"),
    "kind.subsection": ("小节", "節"),
    "kind.task": ("任务", "タスク"),
    "kind.measure": ("举措", "措置"),
    "kind.closing": ("结语", "結び"),
    "none": ("无", "なし"),
    "reference": ("参考资料", "参考資料"),
    "home_lead": (
        "本站收录国家知识产权局及国务院有关部门 2022—2023 年发布的五份知识产权政策规划全文，"
        "按规划、机构和主题交叉链接，每一项任务都有可引用的固定链接。",
        "本サイトは、中国国家知識産権局と国務院関係部門が2022〜2023年に公表した知的財産権政策計画5件の全文を収録し、"
        "計画・所管機関・テーマ別に相互リンクしています。各タスクには引用可能な固定リンクがあります。",
    ),
    "home_start": ("从这里开始", "はじめに"),
    "home_start_plans": ("阅读一份规划的全文", "計画の全文を読む"),
    "home_start_agencies": ("查看某一机构今年要做什么", "機関ごとの担当事項を見る"),
    "home_start_themes": ("按主题浏览：专利、商标、地理标志、版权……", "テーマ別に見る：特許・商標・地理的表示・著作権など"),
    "home_start_search": ("用页面上方的搜索框检索全文", "ページ上部の検索欄で全文を検索"),
    "home_cite": (
        "引用时请使用每项任务旁的 ¶ 链接：它指向该项任务，且永不失效。",
        "引用の際は各タスク横の ¶ リンクをお使いください。そのタスクを指し、リンク切れになりません。",
    ),
    "open_data": ("开放数据", "オープンデータ"),
    "original_prevails": (
        "本页由简体原文自动转换为繁体字形，以原文为准：",
        "",
    ),
    "original_link": ("查看简体原文", "簡体字の原文"),
    "body_is_original": (
        "",
        "本文は中国語（簡体字）の原文のままです。見出し・ラベル・機関名は日本語で表示しています。",
    ),
}


def label(key: str, edition: Edition) -> str:
    """The label in the edition's language; the Traditional edition receives the Simplified text
    and converts it with the page."""
    simplified, japanese = LABELS[key]
    return japanese if edition.code == "ja" else simplified
