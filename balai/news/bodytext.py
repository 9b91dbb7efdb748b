"""An article body as plain text, for the editor without JavaScript, and back.

Stored bodies are HTML (richtext.article_body_html). A person whose phone runs no JavaScript
edits them in a plain textarea, so the form shows the body as readable text: one paragraph per
block with a blank line between blocks, list items as "• …" or "1. …" lines, a photo as
"[Foto: …]", a video link as its address. No tag is ever shown.

Going back, each paragraph of the text whose words are exactly those of a block of the story as
it was stored keeps that block's HTML, wherever it now stands: bold, italic, links, headings,
quotes and photos survive in every paragraph the person did not touch (or only moved). A new or
changed paragraph becomes a plain paragraph (or a list, when each of its lines starts with a
bullet or with 1., 2., …); bare web addresses in it become links. What a no-JavaScript edit loses
is the inline formatting *inside the paragraphs it changed* (bold, italic, the target of a link
whose words differ from its address) and the heading or quote style of a changed block; the form
says so above the textarea when the story has such formatting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.utils.translation import gettext

from balai.news.richtext import VIDEO_URL

_VOID = {"br", "img"}
_BLOCKS = {"p", "h2", "h3", "blockquote", "ul", "ol", "div"}
_BULLET = re.compile(r"^[•\-–]\s+")
_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+")
_URL = re.compile(r"https?://[^\s<>\"']+")
_URL_TAIL = ".,;:!?)»”’"
_VIDEO = re.compile(rf"^{VIDEO_URL}$")
_FORMATTING = re.compile(r"<(strong|em|b|i|h2|h3|blockquote)\b|<a\s(?![^>]*video-link)")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A small tree of the (already cleaned, well-formed) body HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _html(node: _Node | str) -> str:
    if isinstance(node, str):
        return escape(node, quote=False)
    attrs = "".join(f' {k}="{escape(v)}"' for k, v in node.attrs.items())
    if node.tag in _VOID:
        return f"<{node.tag}{attrs}>"
    inner = "".join(_html(c) for c in node.children)
    return f"<{node.tag}{attrs}>{inner}</{node.tag}>"


def _inline_text(node: _Node | str) -> str:
    """The words of inline content, as a browser shows them: runs of white space are one space,
    <br> is a line break."""
    if isinstance(node, str):
        return re.sub(r"\s+", " ", node)
    if node.tag == "br":
        return "\n"
    if node.tag == "img":
        return _photo_line(node)
    if node.tag == "a" and node.attrs.get("class") == "video-link":
        return node.attrs.get("href", "")
    if node.tag in ("ul", "ol"):
        return "\n" + _list_text(node) + "\n"
    text = "".join(_inline_text(c) for c in node.children)
    return f"\n{text}\n" if node.tag in _BLOCKS else text


def _photo_line(img: _Node) -> str:
    alt = img.attrs.get("alt", "").strip()
    word = gettext("Foto")
    return f"[{word}: {alt}]" if alt else f"[{word}]"


def _list_text(node: _Node) -> str:
    lines, n = [], 0
    for child in node.children:
        if isinstance(child, _Node) and child.tag == "li":
            n += 1
            words = " ".join(_tidy(_inline_text(child)).split("\n"))
            lines.append(f"{n}. {words}" if node.tag == "ol" else f"• {words}")
    return "\n".join(lines)


def _tidy(text: str) -> str:
    """Each line stripped, empty lines dropped (a block's text never holds a blank line)."""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


@dataclass(frozen=True)
class _Block:
    text: str
    html: str


def _blocks(html: str) -> list[_Block]:
    """The top-level blocks of a body; inline content between blocks is a paragraph of its own."""
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    blocks: list[_Block] = []
    loose: list[_Node | str] = []

    def flush() -> None:
        text = _tidy("".join(_inline_text(c) for c in loose))
        if text:
            blocks.append(_Block(text, "<p>" + "".join(_html(c) for c in loose) + "</p>"))
        loose.clear()

    for child in builder.root.children:
        if isinstance(child, _Node) and (child.tag in _BLOCKS or child.tag == "img"):
            flush()
            if child.tag in ("ul", "ol"):
                text = _list_text(child)
            elif child.tag == "img":
                text = _photo_line(child)
            else:
                text = _tidy(_inline_text(child))
            if text:
                blocks.append(_Block(text, _html(child)))
        else:
            loose.append(child)
    flush()
    return blocks


def html_to_text(html: str) -> str:
    """The body as the textarea shows it: blocks separated by a blank line, no tags."""
    return "\n\n".join(block.text for block in _blocks(html))


def has_formatting(html: str) -> bool:
    """Whether a body has formatting that plain text cannot show (bold, links, headings…)."""
    return bool(_FORMATTING.search(html or ""))


def _key(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _linked(line: str) -> str:
    out, last = [], 0
    for match in _URL.finditer(line):
        url = match.group(0).rstrip(_URL_TAIL)
        end = match.start() + len(url)
        out.append(escape(line[last : match.start()], quote=False))
        out.append(f'<a href="{escape(url)}">{escape(url, quote=False)}</a>')
        last = end
    out.append(escape(line[last:], quote=False))
    return "".join(out)


def _numbered(lines: list[str]) -> bool:
    numbers = [_NUMBER.match(line) for line in lines]
    return all(numbers) and [int(m.group(1)) for m in numbers if m] == list(
        range(1, len(lines) + 1)
    )


def _plain_block(paragraph: str) -> str:
    lines = paragraph.split("\n")
    if len(lines) == 1 and _VIDEO.match(lines[0]):
        return f"<p>{escape(lines[0], quote=False)}</p>"  # richtext turns it into a video link
    if all(_BULLET.match(line) for line in lines):
        items = "".join(f"<li>{_linked(_BULLET.sub('', line))}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    if len(lines) > 1 and _numbered(lines):
        items = "".join(f"<li>{_linked(_NUMBER.sub('', line))}</li>" for line in lines)
        return f"<ol>{items}</ol>"
    return "<p>" + "<br>".join(_linked(line) for line in lines) + "</p>"


def text_to_html(text: str, *, previous: str = "") -> str:
    """HTML for text typed in the plain textarea (not yet cleaned: richtext does that on save).

    A paragraph whose words are those of a block of `previous` (the body as stored) keeps that
    block's HTML; any other paragraph becomes plain HTML. See the module docstring."""
    kept: dict[str, str] = {}
    for block in _blocks(previous):
        kept.setdefault(_key(block.text), block.html)
    out = []
    for paragraph in re.split(r"\n[ \t\u00a0]*\n", (text or "").replace("\r\n", "\n")):
        paragraph = _tidy(paragraph)
        if paragraph:
            out.append(kept.get(_key(paragraph)) or _plain_block(paragraph))
    return "\n".join(out)
