"""The main content of a saved web page: the law's text without the portal around it.

Official portals wrap a law in menus, breadcrumbs, a sidebar or a contents list of links to its
articles, and a footer. Kept: the ``<main>`` element (or ``role="main"``) when the page has one,
else the whole body. Dropped: ``nav``/``aside``/``menu``, headers and footers outside the main
content, elements whose role, class or id names navigation, and blocks made mostly of links.

General extractors (readability, trafilatura) score prose paragraphs and drop short blocks; a law
is made of short blocks ("Article 5"), and they bring several packages for a narrow need, so
this small heuristic is ours. The tree is kept as nodes that point at their children, so text is
never copied from level to level: the work stays linear however deep the nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HIDDEN = _words("script style noscript template title svg")
_BLOCKS = _words(
    "address article aside blockquote br caption dd div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
)
_VOID = _words("area base br col embed hr img input link meta param source track wbr")
_ALWAYS_BOILERPLATE = _words("nav aside menu")
_OUTSIDE_MAIN_BOILERPLATE = _words("header footer")
_BOILERPLATE_ROLES = _words("navigation banner contentinfo complementary search menu menubar")
_BOILERPLATE_WORDS = _words(
    "nav navbar navigation menu breadcrumb breadcrumbs sidebar toc sommaire share social cookie "
    "cookies skip footer header banner"
)
_OUTSIDE_ONLY_WORDS = _words("footer header banner")
# Blocks judged by their share of link text; headings are not (a heading may link to itself).
_DENSITY_CHECKED = _words("div section p ul ol dl li table tr td nav footer")
_MAX_LINK_SHARE = 0.5
_MIN_OWN_TEXT = 40  # characters outside links that make a block more than a list of links
# Elements whose end tag HTML lets authors leave out: a new one closes the open one.
_IMPLIED_END = _words("p li dt dd tr td th a option")
_SCOPES = _words("ul ol dl table div section article main body blockquote")
_NAME_SPLIT = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


@dataclass
class _Node:
    tag: str
    boilerplate: bool = False
    hidden: bool = False
    link: bool = False
    main: bool = False
    in_main: bool = False
    children: list[str | _Node] = field(default_factory=list)
    chars: int = 0  # visible non-space characters kept inside
    link_chars: int = 0


class MainContentCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._stack = [_Node("#root")]
        self._mains: list[_Node] = []
        self._pre = 0

    def text(self) -> str:
        """The collected text (call after ``close``)."""
        while len(self._stack) > 1:
            self._pop()
        roots = self._mains or self._stack
        return "\n".join(_flatten(root) for root in roots)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self._stack[-1]
        if tag in _BLOCKS:
            parent.children.append("\n")
        if tag in _VOID:
            return
        if tag in _IMPLIED_END:
            self._close_open(tag)
            parent = self._stack[-1]
        self._pre += tag == "pre"
        self._stack.append(self._node(tag, dict(attrs), parent))

    def _close_open(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            open_tag = self._stack[depth].tag
            if open_tag == tag:
                while len(self._stack) > depth:
                    self._pop()
                return
            if open_tag in _SCOPES:
                return

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._stack[-1].children.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if not any(node.tag == tag for node in self._stack[1:]):
            return  # a stray end tag: browsers ignore it too
        while self._pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        node = self._stack[-1]
        if node.hidden:
            return
        text = data if self._pre else _SPACES.sub(" ", data)
        node.children.append(text)
        visible = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
        node.chars += visible
        node.link_chars += visible if node.link else 0

    def _node(self, tag: str, attrs: dict[str, str | None], parent: _Node) -> _Node:
        role = (attrs.get("role") or "").lower()
        main = tag == "main" or role == "main"
        in_main = parent.in_main or parent.main or tag == "article"
        names = set(_NAME_SPLIT.split(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))
        words = names & _BOILERPLATE_WORDS
        if in_main:
            words -= _OUTSIDE_ONLY_WORDS
        boilerplate = not main and bool(
            tag in _ALWAYS_BOILERPLATE
            or (tag in _OUTSIDE_MAIN_BOILERPLATE and not in_main)
            or role in _BOILERPLATE_ROLES
            or words
        )
        return _Node(
            tag,
            boilerplate=boilerplate,
            hidden=parent.hidden or tag in _HIDDEN,
            link=parent.link or (tag == "a" and bool(attrs.get("href"))),
            main=main,
            in_main=in_main,
        )

    def _pop(self) -> str:
        node = self._stack.pop()
        parent = self._stack[-1]
        self._pre -= node.tag == "pre"
        if node.tag in _BLOCKS:
            node.children.append("\n")
        if _kept(node):
            parent.children.append(node)
            parent.chars += node.chars
            parent.link_chars += node.link_chars
            if node.main:
                self._mains.append(node)
        return node.tag


def _kept(node: _Node) -> bool:
    if node.hidden or node.boilerplate:
        return False
    if node.tag not in _DENSITY_CHECKED or not node.chars:
        return True
    own = node.chars - node.link_chars
    return node.link_chars <= _MAX_LINK_SHARE * node.chars or own >= _MIN_OWN_TEXT


def _flatten(root: _Node) -> str:
    """The text under ``root``, depth first, without recursion (pages may nest very deeply)."""
    out: list[str] = []
    pending: list[str | _Node] = [root]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            out.append(item)
        else:
            pending.extend(reversed(item.children))
    return "".join(out)
