"""Reference translations (content/translations/<language>/<plan-id>.yaml), checked against the plans: a
missing, extra or stale entry stops the build at its line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.content.errors import ContentError, command
from generator.content.load import Document, validate
from generator.content.models import Item, Plan, TranslatedItem, Translation, translatable

FOLDER = "translations"
# Translations keyed by language, then by (plan id, anchor).
Translations = dict[str, dict[tuple[str, str], TranslatedItem]]


def load_translations(content: Path, plans: list[Plan], languages: Iterable[str]) -> Translations:
    """Every plan's translation into each of `languages`; raise ContentError on the first problem."""
    result: Translations = {}
    for language in languages:
        folder = content / FOLDER / language
        ids = {plan.id for plan in plans}
        for path in sorted(folder.glob("*")):
            if path.stem not in ids or path.suffix != ".yaml":
                raise ContentError(path, None, f"expected the translation of a plan of content/plans/, found {path.name!r}",
                                   hint=f"name it <plan-id>.yaml after its plan, or delete it (plans: {', '.join(sorted(ids))})")
        result[language] = {}
        for plan in plans:
            for entry in load_translation(folder / f"{plan.id}.yaml", plan, language):
                result[language][(plan.id, entry.anchor)] = entry
    return result


def load_translation(path: Path, plan: Plan, language: str) -> list[TranslatedItem]:
    """One plan's translation, entry by entry the plan's items, each `zh` equal to the item's fields."""
    if not path.exists():
        raise ContentError(path, None, f"expected the {language!r} translation of plan {plan.id!r}, found no file",
                           hint=f"python -m generator.content.translations --draft {language} {plan.id} writes the entries to translate")
    document = Document.read(path)
    translation = validate(document, Translation)
    for key, expected in (("plan", plan.id), ("language", language)):
        if getattr(translation, key) != expected:
            raise document.error((key,), f"key {key!r}: expected {expected!r} (as the file's path says), "
                                 f"found {getattr(translation, key)!r}", hint="the path is translations/<language>/<plan-id>.yaml")
    items = {item.anchor: item for item in plan.walk()}
    order = list(items)
    seen: dict[str, int] = {}
    for index, entry in enumerate(translation.entries):
        loc: tuple[int | str, ...] = ("entries", index)
        if entry.anchor in seen:
            raise document.error((*loc, "anchor"), f"key 'anchor': expected each anchor once, found {entry.anchor!r} again",
                                 hint=f"line {document.line(('entries', seen[entry.anchor], 'anchor'))} has it already; keep one")
        if entry.anchor not in items:
            raise document.error((*loc, "anchor"), f"key 'anchor': expected an item of plan {plan.id!r}, found {entry.anchor!r}",
                                 hint="the plan has no such item: remove the entry, or correct its anchor")
        seen[entry.anchor] = index
        _check_current(document, loc, entry, items[entry.anchor])
    missing = [anchor for anchor in order if anchor not in seen]
    if missing:
        before = order[order.index(missing[0]) - 1] if order.index(missing[0]) else None
        line_of = ("entries", seen[before]) if before in seen else ("entries",)
        place = f"after the entry of {before!r}" if before else "first"
        raise document.error(line_of, f"key 'entries': expected an entry for every item of the plan, found none for "
                             f"{missing[0]!r}" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""),
                             hint=f"add `- anchor: {missing[0]}` {place}, with its zh and ja")
    in_order = sorted(seen, key=order.index)
    if list(seen) != in_order:
        index = next(i for i, (a, b) in enumerate(zip(seen, in_order, strict=True)) if a != b)
        raise document.error(("entries", index, "anchor"), f"key 'anchor': expected the items in document order, "
                             f"found {list(seen)[index]!r} where {in_order[index]!r} comes", hint="move the entry to its place")
    return translation.entries


def _check_current(document: Document, loc: tuple[int | str, ...], entry: TranslatedItem, item: Item) -> None:
    """The entry translates the item as it reads now: the same fields, each equal to the plan's text."""
    fields = translatable(item)
    if set(entry.zh) != set(fields):
        raise document.error((*loc, "zh"), f"key 'zh': expected the item's fields ({', '.join(fields)}), "
                             f"found {', '.join(entry.zh)}", hint="copy the item's fields from the plan and translate them")
    for key, text in fields.items():
        if entry.zh[key] != text:
            expected, found = _around_difference(text, entry.zh[key])
            raise document.error((*loc, "zh", key), f"key {key!r}: expected the plan's current text {expected}, "
                                 f"found {found}",
                                 hint="the original changed since it was translated: copy it into zh and revise ja")


def _around_difference(expected: str, found: str, width: int = 10) -> tuple[str, str]:
    """Both texts from a little before their first difference, shortened: where to look."""
    start = next((i for i, (a, b) in enumerate(zip(expected, found)) if a != b), min(len(expected), len(found)))
    begin = max(0, start - width)

    def cut(text: str) -> str:
        piece = text[begin : start + width]
        return repr(("…" if begin else "") + piece + ("…" if start + width < len(text) else ""))

    return cut(expected), cut(found)


def draft(language: str, plan: Plan) -> str:
    """A new translation file of `plan`: every item's fields to translate, each `ja` empty (the build
    stops at the first empty one until it is translated)."""
    import yaml

    entries = [{"anchor": item.anchor, "review": "draft", "zh": translatable(item),
                "ja": dict.fromkeys(translatable(item), "")} for item in plan.walk()]
    head = (f"# Reference translation of 《{plan.title}》 into {language!r} (unofficial; the original prevails).\n"
            "# One entry per item in document order: `zh` the original's fields as translated (the build stops when\n"
            "# the plan no longer says the same), `ja` their translation, `review`: draft or reviewed.\n")
    body = yaml.safe_dump({"plan": plan.id, "language": language, "entries": entries},
                          allow_unicode=True, sort_keys=False, width=1 << 16)
    return head + body


@command
def main(argv: list[str] | None = None) -> int:
    import argparse

    from generator.content.load import load_plan

    parser = argparse.ArgumentParser(prog="python -m generator.content.translations", description=__doc__)
    parser.add_argument("--draft", nargs=2, metavar=("LANGUAGE", "PLAN_ID"), required=True,
                        help="write translations/LANGUAGE/PLAN_ID.yaml with the plan's fields to translate")
    parser.add_argument("--content", type=Path, default=Path("content"))
    args = parser.parse_args(argv)
    language, plan_id = args.draft
    path = args.content / FOLDER / language / f"{plan_id}.yaml"
    if path.exists():
        parser.error(f"{path} exists; it is never overwritten")
    plan, _ = load_plan(args.content / "plans" / f"{plan_id}.yaml")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(draft(language, plan), encoding="utf-8")
    print(f"wrote {path}: translate every empty `ja` value")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
