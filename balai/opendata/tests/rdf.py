"""Small readers for the two RDF forms we write, for the tests: a Turtle parser for the subset
Turtle allows that our serializer uses (prefixes, IRIs with \\u escapes, prefixed names, `a`,
strings with escapes, language tags, datatypes, `[ … ]` blank nodes, `;` and `,`), and a reader
of our compacted JSON-LD. Both give triples with blank nodes labelled by their content, so two
documents of the same graph give the same set however their blank nodes are numbered."""

from __future__ import annotations

import hashlib
import re
from typing import Any

TOKEN = re.compile(
    r"""\s*(?:
      (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4})*>)
    | (?P<string>"(?:[^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-Fa-f]{4})*")
    | (?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
    | (?P<dt>\^\^)
    | (?P<pname>[A-Za-z][\w-]*:[\w-]*)
    | (?P<a>a(?=\s))
    | (?P<punct>[\[\];,.])
    )""",
    re.VERBOSE,
)
_ESC = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class TurtleError(ValueError):
    pass


def _unescape(text: str) -> str:
    return re.sub(
        r"\\u([0-9A-Fa-f]{4})|\\(.)",
        lambda m: chr(int(m.group(1), 16)) if m.group(1) else _ESC[m.group(2)],
        text,
    )


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise TurtleError(f"cannot read at {pos}: {text[pos : pos + 40]!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def parse_turtle(text: str) -> set[tuple[str, str, str]]:
    lines = text.splitlines()
    prefixes = {}
    body = []
    for line in lines:
        m = re.match(r"@prefix (\w+): <([^>]*)> \.$", line)
        if m:
            prefixes[m.group(1)] = m.group(2)
        else:
            body.append(line)
    tokens = _tokens("\n".join(body))
    triples: list[tuple[str, str, str]] = []
    counter = [0]
    i = 0

    def peek() -> tuple[str, str]:
        return tokens[i] if i < len(tokens) else ("eof", "")

    def take(kind: str | None = None, value: str | None = None) -> tuple[str, str]:
        nonlocal i
        tok = peek()
        if (kind and tok[0] != kind) or (value and tok[1] != value):
            raise TurtleError(f"expected {kind or value}, got {tok}")
        i += 1
        return tok

    def term(tok: tuple[str, str]) -> str:
        kind, value = tok
        if kind == "iri":
            return _unescape(value[1:-1])
        if kind == "pname":
            if value.split(":", 1)[0] not in prefixes:
                raise TurtleError(f"undeclared prefix in {value}")
            return value
        raise TurtleError(f"not a term: {tok}")

    def obj() -> str:
        kind, value = peek()
        if kind == "string":
            take()
            literal, lang, datatype = _unescape(value[1:-1]), "", ""
            if peek()[0] == "lang":
                lang = take()[1][1:]
            elif peek()[0] == "dt":
                take()
                datatype = term(take())
            return f"{literal}|{lang}|{datatype}"
        if (kind, value) == ("punct", "["):
            take()
            counter[0] += 1
            node = f"_:b{counter[0]}"
            if peek() != ("punct", "]"):
                predicates(node)
            take("punct", "]")
            return node
        return term(take())

    def predicates(subject: str) -> None:
        while True:
            tok = take()
            verb = "rdf:type" if tok[0] == "a" else term(tok)
            triples.append((subject, verb, obj()))
            while peek() == ("punct", ","):
                take()
                triples.append((subject, verb, obj()))
            if peek() != ("punct", ";"):
                return
            take()
            if peek() in (("punct", "."), ("punct", "]")):
                return

    while i < len(tokens):
        subject = term(take())
        predicates(subject)
        take("punct", ".")
    return canonical(triples)


def jsonld_triples(doc: dict[str, Any]) -> set[tuple[str, str, str]]:
    """Triples of our compacted JSON-LD: CURIE keys from its @context, nested nodes, the
    context's default language and its per-term coercions (`@type: @id`, a datatype, no
    language) applied to plain string values, as a JSON-LD processor expands them."""
    context = doc["@context"]
    default_language = context.get("@language") or ""
    triples: list[tuple[str, str, str]] = []
    counter = [0]

    def check(curie: str) -> str:
        if curie.split(":", 1)[0] not in context:
            raise ValueError(f"{curie}: prefix not in @context")
        return curie

    def node(item: dict[str, Any]) -> str:
        if "@id" in item:
            subject = item["@id"]
            if set(item) == {"@id"}:
                return subject
        else:
            counter[0] += 1
            subject = f"_:b{counter[0]}"
        types = item.get("@type", [])
        for t in [types] if isinstance(types, str) else types:
            triples.append((subject, "rdf:type", check(t)))
        for key, values in item.items():
            if key.startswith("@"):
                continue
            for value in values if isinstance(values, list) else [values]:
                triples.append((subject, check(key), value_of(key, value)))
        return subject

    def value_of(key: str, value: Any) -> str:
        term = context.get(key) if isinstance(context.get(key), dict) else {}
        if isinstance(value, str):
            coerced = term.get("@type")
            if coerced == "@id":
                return value
            if coerced:
                return f"{value}||{check(coerced)}"
            language = term["@language"] if "@language" in term else default_language
            return f"{value}|{language or ''}|"
        if "@value" in value:
            datatype = value.get("@type", "")
            language = value.get("@language") or ""
            return f"{value['@value']}|{language}|{datatype and check(datatype)}"
        return node(value)

    node({k: v for k, v in doc.items() if k != "@context"})
    return canonical(triples)


def canonical(triples: list[tuple[str, str, str]] | set[tuple[str, str, str]]) -> set:
    """Blank nodes (trees here: each used once) renamed after a hash of what they hold."""
    by_subject: dict[str, list[tuple[str, str]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, []).append((p, o))
    names: dict[str, str] = {}

    def name(blank: str) -> str:
        if blank not in names:
            parts = sorted(
                f"{p}={name(o) if o.startswith('_:') else o}" for p, o in by_subject[blank]
            )
            names[blank] = "_:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
        return names[blank]

    return {
        (name(s) if s.startswith("_:") else s, p, name(o) if o.startswith("_:") else o)
        for s, p, o in triples
    }
