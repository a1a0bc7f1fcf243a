"""The three editions of the site and the interface labels each one shows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    code: str  # the edition's id and its root folder ('' for the original)
    root: str
    theme_language: str  # Material's language pack (its interface strings); the page's lang is html_lang
    html_lang: str  # lang of the page
    body_lang: str  # lang of the Chinese body text
    name: str  # the edition's own name, for the switcher
    translation: str | None = None  # language of the reference translation shown beside the original

    @property
    def original(self) -> bool:
        return self.root == ""


EDITIONS = (
    Edition("zh-Hans", "", "zh", "zh-Hans", "zh-Hans", "简体中文（原文）"),
    Edition("zh-Hant", "zh-Hant/", "zh-TW", "zh-Hant", "zh-Hant", "繁體中文（自動轉換）"),
    Edition("ja", "ja/", "ja", "ja", "zh-Hans", "日本語", translation="ja"),
)
BY_CODE = {edition.code: edition for edition in EDITIONS}
TRANSLATIONS = tuple(edition.translation for edition in EDITIONS if edition.translation)

# Interface labels in Simplified Chinese and Japanese; the Traditional edition converts the Simplified.
LABELS: dict[str, tuple[str, str]] = {
    "site_name": ("中国知识产权政策规划参考", "中国知的財産権政策計画リファレンス"),
    "home": ("首页", "ホーム"),
    # {count}, {count_zh} and {years} are computed from the plans (generator/content/coverage.py).
    "site_description": ("中国知识产权政策规划（{years}）全文、机构、主题与可引用锚点",
                         "中国の知的財産権政策計画（{years}年）の全文と参考訳、関係機関・テーマ別の索引、引用可能なアンカー"),
    "year_range": ("{first}—{last}", "{first}〜{last}"),
    "not_found.title": ("404 - 找不到页面", "404 - ページが見つかりません"),
    "not_found.text": ("您要找的页面不存在或已移动。", "お探しのページは存在しないか、移動しました。"),
    "not_found.home": ("返回首页", "ホームへ戻る"),
    "plans": ("规划", "計画"),
    "agencies": ("机构", "関係機関"),
    "themes": ("主题", "テーマ"),
    "all_plans": ("全部规划", "すべての計画"),
    "year": ("{year} 年", "{year}年"),
    "year.none": ("年份未详", "年不明"),
    "full_text": ("全文", "全文"),
    "lead": ("牵头", "主導"),
    "participants": ("参与", "協力"),
    "lead_items": ("牵头事项", "主導する項目"),
    "participant_items": ("参与事项", "協力する項目"),
    "listing.show": ("查看这{n}项", "{n}件の項目を見る"),
    "listing.by_plan": ("按规划分页", "計画別のページ"),
    "joint": ("负责", "共同で担当"),
    "by_remit": ("按职责分工负责", "職責分担に従い担当"),
    "items": ("事项", "項目"),
    "item_count": ("事项数", "項目数"),
    "tasks": ("任务", "タスク"),
    "measures": ("举措", "措置"),
    "sections": ("部分", "章"),
    "issuer": ("发布机关", "発出機関"),
    "doc_number": ("文号", "文書番号"),
    "issued": ("印发日期", "発出日"),
    "published": ("发布时间", "公表日"),
    "source": ("出处", "出所"),
    "source_note": ("出处说明（原文照录）", "出所表記（原文のまま）"),
    "source_date": ("出处日期", "出所の日付"),
    "source_link": ("原文链接", "原文へのリンク"),
    "source_publisher": ("发布者（原文照录）", "公表元（原文のまま）"),
    "no_source_note": ("本文件未附出处说明。", "この文書には出所表記がありません。"),
    "permalink": ("本项链接", "この項目へのリンク"),
    "heading_permalink": ("本节链接", "この見出しへのリンク"),
    "cite": ("引用", "引用"),
    "cite_action": ("复制引用", "引用をコピー"),
    "cite_separator": (" ", "、"),
    # Citations (generator/render/citation.py): GB/T 7714-2015 in Chinese, the Japanese practice in Japanese.
    "cite.task_number": ("第{n}项", "第{n}項"),
    "cite.row_number": ("第{n}项任务", "タスク{n}"),
    "cite.measure_number": ("第{n}项举措", "措置{n}"),
    "cite.site_numbered": ("（本站编号）", "（本サイトによる番号）"),
    "cite.genre": ("政策文件", "政策文書"),
    "cite.accessed": ("引用日期", "閲覧日"),
    "cite_plan": ("引用本规划", "この計画の引用"),
    "cite_plan.lead": (
        "按 GB/T 7714—2015 著录；复制时补上当天的引用日期和本页的固定链接。",
        "日本の慣行（発出機関「題名」（日付）、URL）に従います。コピー時にこのページの固定リンクを付けます。",
    ),
    "cite_plan.downloads": ("文献管理软件：", "文献管理ソフト用："),
    "site_numbering": (
        "原文未给{what}编号：锚点中的序号（如 {example}）和“{label}”是本站按顺序所编，引用时标注“本站编号”。",
        ("原文は{what}に番号を付けていません。アンカーの番号（例：{example}）と「{label}」は本サイトが順に付けたもので、"
         "引用では「本サイトによる番号」と明記します。"),
    ),
    "site_numbering.measure": ("各部分的举措", "各章の措置"),
    "site_numbering.task": ("任务行", "タスクの行"),
    "not_stated": ("原文未写明", "原文に記載なし"),
    "executing_internal": ("执行部门（局内）", "執行部門（局内）"),
    "executing_items": ("执行事项（局内）", "執行する項目（局内）"),
    "lead_rule": ("牵头与参与的区分依据原文结语", "主導と協力の区別は原文の結びによる"),
    "listed_date": ("日期", "日付"),
    "open_data.lead": (
        ("每个版本的根目录下都有以下文件（本版本的字形）。JSON 文件各附 JSON Schema（由生成数据的同一模型产生）；"
         "CSV 为带 BOM 的 UTF-8，可直接用 Excel 打开，列表以“;”连接，以 = + - @ 开头的单元格前加“'”以免被当作公式。"),
        ("各版のルートに次のファイルがあります（その版の字体）。JSONファイルにはそれぞれJSON Schema（データを書き出す"
         "同じモデルから生成）があります。CSVはBOM付きUTF-8でExcelでそのまま開け、リストは「;」で区切り、"
         "= + - @ で始まるセルには数式と解釈されないよう「'」を前置します。"),
    ),
    "open_data.field": ("字段", "フィールド"),
    "open_data.zh": ("说明", "説明（中国語）"),
    "open_data.ja": ("说明（日语）", "説明"),
    "open_data.duties": ("duties 的每一项", "duties の各要素"),
    "cite_copied": ("已复制引用：", "引用をコピーしました："),
    "cite_failed": ("无法写入剪贴板，请手动复制：", "クリップボードに書き込めません。手動でコピーしてください："),
    "alias_notice": ("您打开的链接 #{old} 所指的条目现在的锚点是 #{new}，已为您跳转。",
                     "開いたリンク #{old} の項目は現在 #{new} にあります。移動しました。"),
    "shares_with": ("共同承担事项的机构", "項目を共同で担当する機関"),
    "kind": ("类别", "種別"),
    "parent": ("上级机构", "上位機関"),
    "names": ("文中称谓", "本文中の表記"),
    "theme_items": ("相关事项", "このテーマの項目"),
    "per_plan": ("各规划事项数", "計画ごとの項目数"),
    "total": ("合计", "合計"),
    "departments": ("局内执行部门", "局内の執行部門"),
    "obligations": ("地方任务", "地方の任務"),
    "level.national": ("国家知识产权局", "国家知識産権局"),
    "level.all-regions": ("各地区", "各地域"),
    "level.regions-concerned": ("涉及地区", "関係地域"),
    "duty.required": ("必做", "必須"),
    "duty.optional": ("选做", "選択"),
    "level.province": ("省份", "省"),
    "level.city": ("城市", "都市"),
    # Duties per level (the task list's obligations of provinces and cities).
    "duties": ("省份和城市的任务", "省・都市の任務"),
    "duties.lead": (
        ("任务清单的每一行除国家知识产权局和各地区的举措外，还写明省份和城市的任务：必做或选做，以及适用范围"
         "（各省、涉及省份、强市建设试点城市和示范城市）。以下按层级汇总。"),
        ("タスクリストの各行は、国家知識産権局と各地域の措置に加えて、省と都市の任務（必須か選択か）とその対象範囲"
         "（すべての省、関係する省、強市建設の試行都市・モデル都市）を定めています。以下、階層別にまとめます。"),
    ),
    "duties.source": ("出处", "出所"),
    "duties.province": ("省份的任务", "省の任務"),
    "duties.city": ("城市的任务", "都市の任務"),
    "duties.province_lead": (
        ("任务清单对省份提出的任务，按适用对象和必做、选做分组。每项列出所属任务、该任务面向各地区和涉及地区的举措，"
         "并链接到原文。"),
        ("タスクリストが省に課す任務を、対象と必須・選択の別にまとめています。各項目には該当するタスク、"
         "各地域・関係地域向けの措置、原文へのリンクがあります。"),
    ),
    "duties.city_lead": (
        ("任务清单对国家知识产权强市建设试点城市和示范城市提出的任务，按城市类别和必做、选做分组。"
         "原文写作“强市建设试点、示范城市”的任务，在试点城市和示范城市下各列一次。"),
        ("タスクリストが国家知的財産権強市建設の試行都市・モデル都市に課す任務を、都市の種類と必須・選択の別にまとめています。"
         "原文で「強市建設試点、示範城市」とされる任務は、試行都市とモデル都市の両方に掲げています。"),
    ),
    "duties.who.all": ("各省", "すべての省"),
    "duties.who.concerned": ("部分省份", "一部の省"),
    "duties.who.demonstration": ("强市建设示范城市", "強市建設モデル都市"),
    "duties.who.pilot": ("强市建设试点城市", "強市建設試行都市"),
    "duties.party": ("适用对象", "対象"),
    "duties.level": ("层级", "階層"),
    "duties.overview": ("各项任务的地方任务", "タスクごとの地方の任務"),
    "duties.overview_lead": (
        "每项任务对各类省份和城市的要求；“—”表示该项任务未对其提出要求。",
        "各タスクが省・都市の種類ごとに求める内容です。「—」はそのタスクに任務がないことを示します。",
    ),
    "duties.same_row": ("本项任务的其他地方任务", "同じタスクの他の地方任務"),
    "duties.count": ("原文共 {n} 条。", "原文では計{n}件です。"),
    "duties.none": (
        "所收规划中没有写明省份和城市任务的任务清单。",
        "収録された計画には、省・都市の任務を定めたタスクリストがありません。",
    ),
    # Glossary.
    "glossary": ("术语表", "用語集"),
    "glossary.lead": (
        "规划中的主要术语：简体原文、繁体版所用字形、日语通行的法律用语，以及原文中使用该术语的事项。",
        ("計画の主な用語を、簡体字の原文、繁体字版での表記、日本語で通常用いられる法律用語で示し、"
         "その用語を使っている項目を掲げます。"),
    ),
    "glossary.note_hant": (
        "繁体一栏是本站繁体版实际显示的字形（OpenCC 字形转换加本站词表），不一定是台湾或香港的惯用词。",
        ("繁体字の欄は本サイト繁体字版での実際の表記（OpenCCによる字形変換と本サイトの語彙表）で、"
         "台湾・香港の慣用語とは限りません。"),
    ),
    "glossary.simplified": ("简体中文", "簡体字"),
    "glossary.traditional": ("繁体中文", "繁体字"),
    "glossary.japanese": ("日语", "日本語"),
    "glossary.definition": ("释义", "説明"),
    "glossary.items": ("使用该术语的事项", "用語を含む項目"),
    "glossary.count": ("{n} 项", "{n} 件"),
    "glossary.back": ("全部术语", "すべての用語"),
    "glossary.empty": ("尚未收录术语。", "用語はまだ収録されていません。"),
    # Charts.
    "charts": ("图表", "グラフ"),
    "charts.lead": (
        ("以下图表在生成网站时由本站数据绘制，无需脚本。计数单位为事项（任务、举措，以及写明分工或带有主题的部分和小节），"
         "与机构页、主题页的数字一致。每张图下可展开数据表。"),
        ("以下のグラフはサイト生成時に本サイトのデータから描いたもので、スクリプトを使いません。数は項目"
         "（タスク・措置と、担当やテーマのある章・節）の数で、機関・テーマのページの数と一致します。"
         "各グラフの下でデータ表を開けます。"),
    ),
    "charts.agencies": ("各机构牵头和参与的事项", "機関別の主導・協力項目"),
    "charts.agencies_desc": (
        "横向堆叠条形图，列出事项最多的 {n} 个机构：深色为牵头事项，浅色为参与事项，条末数字为“牵头 / 参与”。",
        "項目数の多い上位{n}機関の積み上げ横棒グラフ。濃い色が主導、薄い色が協力の項目で、棒の右の数字は「主導 / 協力」。",
    ),
    "charts.values": ("条末数字：牵头 / 参与", "数字：主導 / 協力"),
    "charts.matrix": ("机构与主题", "機関とテーマ"),
    "charts.matrix_desc": (
        ("热图：行为事项最多的 {n} 个机构，列为 {m} 个主题；每格数字为该机构牵头或参与、且带有该主题的事项数，"
         "颜色越深数量越多，空格为零。"),
        ("ヒートマップ。行は項目数の多い上位{n}機関、列は{m}のテーマ。各マスの数は、その機関が主導又は協力し、"
         "そのテーマが付いた項目の数で、色が濃いほど多く、空白はゼロです。"),
    ),
    "charts.themes": ("各规划的主题", "計画別のテーマ"),
    "charts.themes_desc": (
        "热图：行为主题，列为各规划及合计；每格数字为该规划中带有该主题的事项数，颜色越深数量越多，空格为零。",
        ("ヒートマップ。行はテーマ、列は各計画と合計。各マスの数はその計画でそのテーマが付いた項目の数で、"
         "色が濃いほど多く、空白はゼロです。"),
    ),
    "charts.data": ("数据表", "データ表"),
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
    "kind.plan": ("规划", "計画"),
    "kind.agency": ("机构", "機関"),
    "kind.theme": ("主题", "テーマ"),
    "kind.law": ("引用文件", "引用文書"),
    # Search: the box of every page and the search page.
    "search": ("搜索", "検索"),
    "search.placeholder": ("搜索规划全文", "計画の全文を検索"),
    "search.submit": ("搜索", "検索"),
    "search.results": ("共 {n} 项结果", "{n} 件"),
    "search.none": ("没有同时包含全部检索词的条目。", "すべての検索語を含む項目はありません。"),
    "search.loose": ("没有连续出现该词的条目；以下条目包含其中的各个部分。",
                     "その語がそのまま現れる項目はありません。以下はその各部分を含む項目です。"),
    "search.more": ("显示更多结果", "さらに表示"),
    "search.all": ("全部", "すべて"),
    "search.filters": ("筛选", "絞り込み"),
    "search.filter.plan": ("规划", "計画"),
    "search.filter.year": ("年份", "年"),
    "search.filter.agency": ("机构（牵头或参与）", "機関（主導又は協力）"),
    "search.filter.theme": ("主题", "テーマ"),
    "search.filter.kind": ("类别", "種別"),
    "search.lead": ("牵头", "主導"),
    "search.help": (
        "多个词用空格分开，须同时出现；加引号检索完整短语；任何两个字以上的片段都能找到；也可以输入条目编号，如 t18、第18项、s5-m3。",
        ("複数の語は空白で区切ると、すべてを含む項目を探します。引用符で囲むと語句そのものを探します。2文字以上の部分一致で見つかります。"
         "項目番号（t18、第18項、s5-m3）でも探せます。"),
    ),
    "search.noscript": ("搜索需要 JavaScript。也可以从以下索引浏览：", "検索にはJavaScriptが必要です。次の索引からも探せます："),
    "search.loading": ("正在载入索引……", "索引を読み込んでいます…"),
    "search.failed": ("无法载入搜索索引。", "検索索引を読み込めませんでした。"),
    "search.quick_all": ("在搜索页查看全部结果", "検索ページですべての結果を見る"),
    "none": ("无", "なし"),
    # How lists name an item (generator.render.renderer.item_label): {marker} its own, {parent} its section's marker,
    # {section} and {number} the numbers of its anchor.
    "locator.section": ("{marker}", "第{section}章"),
    "locator.subsection": ("{marker}", "第{section}章第{number}節"),
    "locator.subsection_full": ("{parent}{marker}", "第{section}章第{number}節"),
    "locator.task": ("第{number}项", "第{number}項"),
    "locator.row": ("{parent}第{number}项任务", "第{section}章第{number}タスク"),
    "locator.measure": ("{parent}第{number}项举措", "第{section}章第{number}措置"),
    # Only the Japanese edition needs it: 主導 and 協力 render 牵头 and 参与, which the Chinese editions print.
    "lead_note": (
        "",
        ("主導と協力：{plan}の結びは、複数の部門が担当するタスクでは最初に掲げられた部門を主導部門、"
         "その他を協力部門とすると定めています。"),
    ),
    "reference": ("参考资料", "参考資料"),
    # Lineage between plans.
    "lineage": ("规划沿革", "計画の変遷"),
    "see_also": ("相关条目", "関連項目"),
    "lineage.lead": (
        ("本页按章节将{later}的每项举措与{earlier}中的对应举措并列：有对应的标为“延续”，没有的标为“新增”。"
        "{earlier}中在{later}里没有对应的举措标为“未延续”，列在原所属章节下，由其他规划承接的一并列出。"
        "最后列出几份规划共同部署的同一项工作。对应关系均经逐条对照原文核定。"),
        ("このページは、{later}の各措置を章ごとに{earlier}の対応する措置と並べて示します。対応があるものは「継続」、"
        "ないものは「新規」です。{earlier}の措置のうち{later}に対応がないものは「継続されず」として元の章の下に掲げ、"
        "他の計画が引き継いでいる場合はそれも示します。最後に、複数の計画が定める同一の業務を掲げます。"
        "対応関係はすべて原文を一つずつ照合して確定しました。"),
    ),
    "lineage.none": ("尚未收录规划之间的对应关系。", "計画間の対応関係はまだ収録されていません。"),
    "lineage.summary": ("概览", "概要"),
    "lineage.section": ("章节", "章"),
    "lineage.status.new": ("新增", "新規"),
    "lineage.status.continued": ("延续", "継続"),
    "lineage.status.dropped": ("未延续", "継続されず"),
    "lineage.carried_elsewhere": ("由其他规划承接", "他の計画が引き継ぐもの"),
    "lineage.note": ("说明", "注"),
    "lineage.by_section": ("{later}逐项对照", "{later}の項目別対照"),
    "lineage.dropped_title": ("{earlier}中未延续的举措", "{earlier}のうち継続されなかった措置"),
    "lineage.dropped_lead": (
        "各章节下列出{earlier}中在{later}里没有对应举措的条目；已延续的举措见上文对照表。",
        "各章の下に、{earlier}の措置のうち{later}に対応がないものを掲げます。継続された措置は上の対照表にあります。",
    ),
    "lineage.works": ("几份规划共同部署的工作", "複数の計画が定める同一の業務"),
    "lineage.works_lead": (
        "以下每一项工作见于两份以上的规划。每个条目后引出其中提到该项工作的句子。",
        "以下の各業務は二つ以上の計画に現れます。各項目の後に、その業務に触れている文を引用します。",
    ),
    # Cited laws and documents.
    "laws": ("引用文件", "引用文書"),
    "laws.lead": (
        ("所收规划以书名号《》引用的法律、法规、规章、指南、标准、条约和政策文件，按类别列出。同一文件的不同写法"
        "（包括文中定义的简称，如《纲要》《规划》）合为一条；每个文件的页面列出引用它的全部条目。"),
        ("収録した計画が《》で引用する法律・法規・規章・指針・標準・条約・政策文書を種類別に掲げます。同じ文書の"
        "異なる表記（本文で定義された略称を含む）は一つにまとめ、各文書のページには"
        "それを引用するすべての項目を掲げます。"),
    ),
    "laws.none": ("尚未收录引用文件。", "引用文書はまだ収録されていません。"),
    "laws.document": ("文件", "文書"),
    "laws.documents": ("文件数", "文書数"),
    "laws.citing_items": ("引用条目数", "引用する項目数"),
    "laws.citing_plans": ("引用的规划", "引用する計画"),
    "laws.forms": ("文中写法", "本文中の表記"),
    "laws.cited_by": ("引用本文件的条目", "この文書を引用する項目"),
    "laws.full_text": ("本站收录全文", "本サイト収録の全文"),
    "laws.name_ja": ("日文名称", "日本語名"),
    "laws.kind.law": ("法律", "法律"),
    "laws.kind.regulation": ("行政法规", "行政法規"),
    "laws.kind.rule": ("部门规章和管理办法", "部門規章・管理弁法"),
    "laws.kind.guideline": ("指南、指引和判断标准", "指針・ガイドライン・判断基準"),
    "laws.kind.standard": ("标准", "標準・規格"),
    "laws.kind.treaty": ("条约和协定", "条約・協定"),
    "laws.kind.plan": ("纲要、规划、计划和方案", "綱要・計画・方案"),
    "laws.kind.other": ("意见、解释、目录和清单", "意見・解釈・目録・リスト"),
    "home_lead": (
        ("本站收录国家知识产权局及国务院有关部门 {years} 年发布的{count_zh}份知识产权政策规划全文，"
         "按规划、机构和主题交叉链接，每一项任务都有可引用的固定链接。"),
        ("本サイトは、中国国家知識産権局と国務院関係部門が{years}年に公表した知的財産権政策計画{count}件の全文を収録し、"
         "計画・関係機関・テーマ別に相互リンクしています。各タスクには引用可能な固定リンクがあります。"),
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
    "translation_notice": ("", "参考訳（非公式）。原文が優先します。"),
    "view": ("显示", "表示"),
    "view.both": ("对照", "対訳"),
    "view.translation": ("仅译文", "訳文のみ"),
    "view.original": ("仅原文", "原文のみ"),
}


def label(key: str, edition: Edition) -> str:
    """The label in the edition's language; the Traditional edition receives the Simplified text
    and converts it with the page."""
    simplified, japanese = LABELS[key]
    return japanese if edition.code == "ja" else simplified
