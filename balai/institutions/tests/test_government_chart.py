"""The government page: the village government as an organisation chart that is a nested list
(so a screen reader reads the same tree), with the BPD and the other institutions below."""

from __future__ import annotations

from html.parser import HTMLParser

from balai.institutions.tests.conftest import add_members, make_institution
from balai.villages.models import Official
from balai.villages.orgchart import government_chart
from balai.villages.tests.conftest import add_officials

PAGE = "/desa/dagan/pemerintahan/"
SOTK = (
    ("Sugeng Riyadi", "Kepala Desa"),
    ("Siti Aminah", "Sekretaris Desa"),
    ("Budi", "Kaur Keuangan"),
    ("Citra", "Kaur Perencanaan"),
    ("Dedi", "Kasi Pemerintahan"),
    ("Eko", "Kepala Seksi Pelayanan"),
    ("Fajar", "Kepala Dusun I"),
    ("Gita", "Kadus II"),
    ("Hana", "Operator Desa"),
)


class ChartTree(HTMLParser):
    """The <ul class="org-chart"> as (text of the item's own box, [children]) trees."""

    def __init__(self) -> None:
        super().__init__()
        self.roots: list = []
        self.stack: list = []  # open <li> nodes
        self.depth = 0  # <ul> nesting inside the chart; 0 = outside
        self.tags: list[str] = []
        self.hidden = ""  # the tag of an aria-hidden element we are in (the avatar's initials)

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if dict(attrs).get("aria-hidden") == "true":
            self.hidden = tag
        if tag == "ul" and (self.depth or "org-chart" in classes):
            self.depth += 1
        elif tag == "li" and self.depth:
            node = ["", []]
            (self.stack[-1][1] if self.stack else self.roots).append(node)
            self.stack.append(node)
        if self.depth:
            self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag == self.hidden:
            self.hidden = ""
        if tag == "ul" and self.depth:
            self.depth -= 1
        elif tag == "li" and self.depth:
            self.stack.pop()

    def handle_data(self, data):
        if (
            self.stack and not self.stack[-1][1] and not self.hidden
        ):  # text before the item's own sub-list
            self.stack[-1][0] = " ".join((self.stack[-1][0] + " " + data).split())


def chart_of(html: str) -> ChartTree:
    parser = ChartTree()
    parser.feed(html)
    return parser


def test_officials_are_placed_by_their_positions():
    officials = [Official(name=n, position=p) for n, p in SOTK]
    root = government_chart(officials)
    assert root is not None and root.official is officials[0]
    units = [(str(c.label), [o.official.name for o in c.children]) for c in root.children]
    assert units == [
        ("Sekretaris Desa", ["Budi", "Citra"]),
        ("Pelaksana teknis", ["Dedi", "Eko"]),
        ("Pelaksana kewilayahan", ["Fajar", "Gita"]),
        ("Staf dan lainnya", ["Hana"]),
    ]
    assert root.children[0].official is officials[1]


def test_without_a_head_or_a_secretary_the_chart_still_holds_everyone():
    officials = [
        Official(name="Budi", position="Kaur Umum"),
        Official(name="Dedi", position="Kasi"),
    ]
    root = government_chart(officials)
    assert root is not None and root.official is None
    assert [str(c.label) for c in root.children] == ["Sekretariat desa", "Pelaksana teknis"]
    assert government_chart([]) is None


def test_the_page_is_one_nested_list_with_the_head_at_the_top(client, dagan):
    add_officials(dagan, *SOTK)
    html = client.get(PAGE).content.decode()
    tree = chart_of(html)
    assert len(tree.roots) == 1
    head, units = tree.roots[0]
    assert head == "Sugeng Riyadi Kepala Desa"
    assert [(text, [c[0] for c in children]) for text, children in units] == [
        ("Siti Aminah Sekretaris Desa", ["Budi Kaur Keuangan", "Citra Kaur Perencanaan"]),
        ("Pelaksana teknis", ["Dedi Kasi Pemerintahan", "Eko Kepala Seksi Pelayanan"]),
        ("Pelaksana kewilayahan", ["Fajar Kepala Dusun I", "Gita Kadus II"]),
        ("Staf dan lainnya", ["Hana Operator Desa"]),
    ]
    # Only lists, items and the boxes' text: no table, no role overrides, no script.
    assert set(tree.tags) <= {"ul", "li", "div", "span", "strong", "br", "img"}
    assert 'role="' not in html.split('class="org-chart"')[1].split("</section>")[0]
    assert "<script" not in html and "style=" not in html


def test_the_bpd_and_the_other_institutions_are_linked_below(client, dagan):
    add_officials(dagan, ("Sugeng Riyadi", "Kepala Desa"))
    bpd = make_institution(dagan)
    add_members(bpd, ("Slamet", "Ketua"), ("Sri", "Wakil Ketua"))
    make_institution(dagan, "Posyandu Melati", kind="posyandu")
    make_institution(dagan, "RT 01", kind="rt")
    html = client.get(PAGE).content.decode()
    assert html.index("org-chart") < html.index("Badan Permusyawaratan Desa")
    assert '<strong>Slamet</strong> <span class="muted">Ketua</span>' in html
    assert 'href="/desa/dagan/lembaga/bpd-desa-dagan/"' in html
    assert 'href="/desa/dagan/lembaga/posyandu-melati/"' in html
    assert html.index("RT 01") < html.index("Posyandu Melati")  # kinds in their order
    assert 'href="/desa/dagan/lembaga/"' in html


def test_the_page_costs_a_fixed_number_of_queries(client, dagan, django_assert_max_num_queries):
    for i in range(12):
        add_officials(dagan, (f"Perangkat {i}", "Kaur"))
    for i in range(10):
        add_members(make_institution(dagan, f"RT {i:02d}", kind="rt"), ("Ketua", "Ketua"))
    add_members(make_institution(dagan), ("Slamet", "Ketua"), ("Sri", "Anggota"))
    client.get("/desa/dagan/")  # the site menu, cached per content version
    with django_assert_max_num_queries(6):
        response = client.get(PAGE)
    html = response.content.decode()
    assert html.count('class="official-name">Perangkat ') == 12
    assert html.count('href="/desa/dagan/lembaga/rt-') == 10
