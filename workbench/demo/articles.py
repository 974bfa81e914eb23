"""The demo's desk of invented news: thirty short articles made from ten story templates.

Every outlet, person, place and figure here is made up. Each template is written once and
filled three ways (another city, outlet, speaker and numbers), so the demo has a few dozen
articles whose quotes and claims are known in advance: the review history
(`workbench.demo.review`) marks them by their text. Deterministic: the same run gives
the same texts, so importing them again adds nothing (same body, same project).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from workbench.articles.models import DEFAULT_RATING_SCALE

# The outlet's own claims have no claimant entity.
OUTLET = ""


@dataclass(frozen=True)
class Mark:
    """A quote or claim the reviewers are expected to find, by its text in the body."""

    kind: str
    text: str
    who: str = OUTLET
    who_kind: str = "person"
    role: str = ""
    verdict: str = ""
    checkworthy: str = "yes"


@dataclass(frozen=True)
class Story:
    title: str
    outlet: str
    byline: str
    published: date
    body: str
    marks: tuple[Mark, ...]

    def jsonl(self) -> str:
        """Return the story as a JSON Lines record for the batch importer."""
        return json.dumps(
            {
                "title": self.title,
                "outlet": self.outlet,
                "byline": self.byline,
                "published": self.published.isoformat(),
                "body": self.body,
            },
            ensure_ascii=False,
        )


# Each template: a title, paragraphs, and the marks, all with {placeholders}. The quote marks
# stay in the text; a quote's mark holds the quotation without them.
TEMPLATES = [
    {
        "title": "{city} rents rose {pct} percent in a year, housing office says",
        "body": [
            "{CITY} ({outlet}) - Average rents in {city} rose by {pct} percent over the past "
            "twelve months, the fastest increase in a decade, the municipal housing office said "
            "on {day}.",
            '"We completed {homes} new homes last year and it is still not enough to keep up '
            "with demand,\" said {a}, the city's housing councillor.",
            "{b}, spokesperson for the {city} Tenants' Union, said the figures understated the "
            'problem. "Families are paying half their income in rent," {b_last} said.',
            "According to the national statistics office, the regional average rise was "
            "{avg} percent.",
        ],
        "marks": [
            (
                "claim",
                "Average rents in {city} rose by {pct} percent over the past twelve months",
                "",
                "",
                "",
                0,
            ),
            (
                "quote",
                "We completed {homes} new homes last year and it is still not enough to "
                "keep up with demand,",
                "{a}",
                "person",
                "housing councillor",
                None,
            ),
            ("claim", "We completed {homes} new homes last year", "{a}", "person", "", 1),
            (
                "quote",
                "Families are paying half their income in rent,",
                "{b}",
                "person",
                "spokesperson for the {city} Tenants' Union",
                None,
            ),
            ("claim", "Families are paying half their income in rent", "{b}", "person", "", 2),
        ],
    },
    {
        "title": "Rail operator promises {pct} percent fewer delays on the {line} line",
        "body": [
            "{CITY} ({outlet}) - The national rail operator said on {day} that a new "
            "timetable would cut delays on the {line} line by {pct} percent by the end of the "
            "year.",
            '"Punctuality on this line was {punct} percent last month, the best figure since we '
            "started measuring,\" said {a}, the operator's chief executive.",
            "The passenger association {org} said it had heard such promises before. Its "
            "chair, {b}, said trains on the {line} line had been late on four days out of ten "
            "in the spring.",
            "The operator said the work would cost {cost} million euros.",
        ],
        "marks": [
            (
                "claim",
                "a new timetable would cut delays on the {line} line by {pct} percent by "
                "the end of the year",
                "{operator}",
                "organisation",
                "",
                3,
            ),
            (
                "quote",
                "Punctuality on this line was {punct} percent last month, the best figure "
                "since we started measuring,",
                "{a}",
                "person",
                "chief executive",
                None,
            ),
            (
                "claim",
                "Punctuality on this line was {punct} percent last month",
                "{a}",
                "person",
                "",
                4,
            ),
            (
                "quote",
                "trains on the {line} line had been late on four days out of ten in the spring",
                "{b}",
                "person",
                "chair of {org}",
                None,
            ),
        ],
    },
    {
        "title": "Wind farms supplied {pct} percent of {country}'s power last winter",
        "body": [
            "{CITY} ({outlet}) - Wind farms produced {pct} percent of {country}'s electricity "
            "between December and February, the grid operator said on {day}, a record for the "
            "season.",
            '"Wind is now our cheapest source of power, and households will see it in their '
            'bills," Energy Minister {a} told parliament.',
            "{b}, an energy economist at the University of {city}, said bills had in fact "
            "risen by {bills} percent over the same period because of network charges.",
            '"The minister is comparing the price of building a turbine, not the price people '
            'pay," {b_last} said.',
        ],
        "marks": [
            (
                "claim",
                "Wind farms produced {pct} percent of {country}'s electricity between "
                "December and February",
                "{grid}",
                "organisation",
                "",
                0,
            ),
            (
                "quote",
                "Wind is now our cheapest source of power, and households will see it in "
                "their bills,",
                "{a}",
                "person",
                "Energy Minister",
                None,
            ),
            ("claim", "households will see it in their bills", "{a}", "person", "", 5),
            (
                "quote",
                "The minister is comparing the price of building a turbine, not the price "
                "people pay,",
                "{b}",
                "person",
                "energy economist at the University of {city}",
                None,
            ),
        ],
    },
    {
        "title": "Burglaries down {pct} percent, {city} police say",
        "body": [
            "{CITY} ({outlet}) - Reported burglaries in {city} fell by {pct} percent last year, "
            "police said on {day}, crediting neighbourhood patrols introduced in the spring.",
            '"Every district where we put officers back on foot saw fewer break-ins," said '
            "{a}, the city's police chief.",
            "{b}, who speaks on policing for the opposition, said fewer burglaries were being "
            'reported, not committed. "People have stopped calling because nobody comes," '
            "{b_last} said.",
            "Insurers in the region paid out on {claims} burglary claims, the industry "
            "association said.",
        ],
        "marks": [
            (
                "claim",
                "Reported burglaries in {city} fell by {pct} percent last year",
                "{police}",
                "organisation",
                "",
                1,
            ),
            (
                "quote",
                "Every district where we put officers back on foot saw fewer break-ins,",
                "{a}",
                "person",
                "police chief",
                None,
            ),
            (
                "claim",
                "Every district where we put officers back on foot saw fewer break-ins",
                "{a}",
                "person",
                "",
                6,
            ),
            (
                "quote",
                "People have stopped calling because nobody comes,",
                "{b}",
                "person",
                "opposition spokesperson on policing",
                None,
            ),
        ],
    },
    {
        "title": "{posts} teaching posts unfilled as school year starts in {region}",
        "body": [
            "{CITY} ({outlet}) - Schools in {region} began the year with {posts} teaching "
            "posts unfilled, the teachers' union said on {day}.",
            '"We have the largest shortage in twenty years, and mathematics is hit hardest," '
            "said {a}, the union's general secretary.",
            "Education Minister {b} said the number was lower than last year and that "
            '{hired} new teachers had been hired since January. "The gap is closing," '
            "{b_last} said.",
        ],
        "marks": [
            (
                "claim",
                "Schools in {region} began the year with {posts} teaching posts unfilled",
                "{a}",
                "person",
                "",
                2,
            ),
            (
                "quote",
                "We have the largest shortage in twenty years, and mathematics is hit hardest,",
                "{a}",
                "person",
                "general secretary of the teachers' union",
                None,
            ),
            ("claim", "We have the largest shortage in twenty years", "{a}", "person", "", 3),
            ("quote", "The gap is closing,", "{b}", "person", "Education Minister", None),
            ("claim", "{hired} new teachers had been hired since January", "{b}", "person", "", 0),
        ],
    },
    {
        "title": "Emergency waits at {hospital} reach {hours} hours",
        "body": [
            "{CITY} ({outlet}) - Patients at the emergency department of {hospital} waited "
            "{hours} hours on average in the first quarter, according to figures released "
            "on {day}.",
            '"Half of the people in our waiting room should have been seen by a family '
            "doctor,\" said {a}, the hospital's medical director.",
            "The nurses' union said {beds} beds had been closed for lack of staff. Its "
            "representative, {b}, said the hospital had lost {nurses} nurses in two years.",
        ],
        "marks": [
            (
                "claim",
                "Patients at the emergency department of {hospital} waited {hours} hours "
                "on average in the first quarter",
                "",
                "",
                "",
                4,
            ),
            (
                "quote",
                "Half of the people in our waiting room should have been seen by a family doctor,",
                "{a}",
                "person",
                "medical director",
                None,
            ),
            (
                "claim",
                "Half of the people in our waiting room should have been seen by a family doctor",
                "{a}",
                "person",
                "",
                6,
            ),
            ("claim", "the hospital had lost {nurses} nurses in two years", "{b}", "person", "", 1),
        ],
    },
    {
        "title": "Drought cut the {crop} harvest by {pct} percent, farmers say",
        "body": [
            "{CITY} ({outlet}) - This year's {crop} harvest in {region} was {pct} percent "
            "smaller than last year's, the farmers' federation said on {day}, blaming the "
            "driest summer on record.",
            '"Without an emergency fund, one farm in five will not sow next spring," said '
            "{a}, the federation's president.",
            "The agriculture ministry said {aid} million euros in aid had already been paid. "
            'A ministry spokesperson, {b}, called the federation\'s forecast "alarmist".',
        ],
        "marks": [
            (
                "claim",
                "This year's {crop} harvest in {region} was {pct} percent smaller than last year's",
                "{federation}",
                "organisation",
                "",
                2,
            ),
            ("claim", "the driest summer on record", "{federation}", "organisation", "", 5),
            (
                "quote",
                "Without an emergency fund, one farm in five will not sow next spring,",
                "{a}",
                "person",
                "president of the farmers' federation",
                None,
            ),
            (
                "claim",
                "{aid} million euros in aid had already been paid",
                "{ministry}",
                "organisation",
                "",
                0,
            ),
        ],
    },
    {
        "title": "Unemployment falls to {upct} percent, lowest since {year}",
        "body": [
            "{CITY} ({outlet}) - Unemployment in {country} fell to {upct} percent in the last "
            "quarter, the lowest rate since {year}, the statistics office said on {day}.",
            '"These are jobs that pay, in industry and in care," Labour Minister {a} said. '
            '"We created {jobs} of them in a single year."',
            "{b}, chief economist at {bank}, said much of the fall came from people leaving "
            'the labour force. "The employment rate has barely moved," {b_last} said.',
        ],
        "marks": [
            (
                "claim",
                "Unemployment in {country} fell to {upct} percent in the last quarter, "
                "the lowest rate since {year}",
                "{stats}",
                "organisation",
                "",
                0,
            ),
            (
                "quote",
                "These are jobs that pay, in industry and in care,",
                "{a}",
                "person",
                "Labour Minister",
                None,
            ),
            (
                "quote",
                "We created {jobs} of them in a single year.",
                "{a}",
                "person",
                "Labour Minister",
                None,
            ),
            ("claim", "We created {jobs} of them in a single year", "{a}", "person", "", 3),
            (
                "quote",
                "The employment rate has barely moved,",
                "{b}",
                "person",
                "chief economist at {bank}",
                None,
            ),
        ],
    },
    {
        "title": "{city} pledges {trees} new trees by {year}",
        "body": [
            "{CITY} ({outlet}) - {city} will plant {trees} trees by {year} to cool its "
            "hottest streets, deputy mayor {a} said on {day}.",
            '"Streets with trees are up to eight degrees cooler on a summer afternoon," '
            "{a_last} said, presenting the plan.",
            "The environmental group {org} welcomed the plan but said the city had felled "
            '{felled} trees for road works since 2020. "Planting is easy; keeping them alive '
            'is the work," said its coordinator, {b}.',
        ],
        "marks": [
            (
                "quote",
                "Streets with trees are up to eight degrees cooler on a summer afternoon,",
                "{a}",
                "person",
                "deputy mayor",
                None,
            ),
            (
                "claim",
                "Streets with trees are up to eight degrees cooler on a summer afternoon",
                "{a}",
                "person",
                "",
                1,
            ),
            (
                "claim",
                "the city had felled {felled} trees for road works since 2020",
                "{org}",
                "organisation",
                "",
                6,
            ),
            (
                "quote",
                "Planting is easy; keeping them alive is the work,",
                "{b}",
                "person",
                "coordinator of {org}",
                None,
            ),
        ],
    },
    {
        "title": "{Region} counts a record {visitors} million visitors",
        "body": [
            "{CITY} ({outlet}) - {Region} welcomed {visitors} million visitors last year, "
            "a record, the regional tourism board said on {day}.",
            '"Every euro we spent on promotion brought back eleven," said {a}, the board\'s '
            "director.",
            "Residents' associations in {city} said the old town had lost {flats} homes to "
            'short-term rentals. "We are becoming a theme park," said {b}, who chairs one of '
            "them.",
        ],
        "marks": [
            (
                "claim",
                "{Region} welcomed {visitors} million visitors last year, a record",
                "{board}",
                "organisation",
                "",
                0,
            ),
            (
                "quote",
                "Every euro we spent on promotion brought back eleven,",
                "{a}",
                "person",
                "director of the tourism board",
                None,
            ),
            (
                "claim",
                "Every euro we spent on promotion brought back eleven",
                "{a}",
                "person",
                "",
                5,
            ),
            (
                "claim",
                "the old town had lost {flats} homes to short-term rentals",
                "{b}",
                "person",
                "",
                2,
            ),
            (
                "quote",
                "We are becoming a theme park,",
                "{b}",
                "person",
                "chair of a residents' association",
                None,
            ),
        ],
    },
]

# The demo project rates on the default scale.
VERDICTS = DEFAULT_RATING_SCALE

PLACES = [
    # city, region, country, outlet, byline
    ("Aldermoor", "the Lower Vale", "Norland", "The Northern Ledger", "Ingrid Sollen"),
    ("Porto Vento", "Costa Ardia", "Ardia", "Ardia Today", "Marco Bellin"),
    ("Kessenburg", "Upper Kessen", "Westmark", "Rheinland Post", "Jonas Albers"),
    ("Valmira", "the Valmira coast", "Ardia", "Adriatic Times", "Lucia Ferro"),
    ("Hollerup", "East Jutmark", "Norland", "Baltic Wire", "Freja Lund"),
    ("Saint-Aubel", "the Aubel valley", "Provence-Loire", "Le Quotidien du Sud", "Claire Moreau"),
]
# Thirty first names and thirty surnames: article i quotes FIRST[i] SURNAME[i] and
# FIRST[i+13] SURNAME[i+7], so no two articles share a speaker and no name is real by design.
FIRST = [
    "Helena",
    "Paolo",
    "Greta",
    "Jan",
    "Marta",
    "Ines",
    "Lukas",
    "Nadia",
    "Carla",
    "Anja",
    "Tomas",
    "Amaya",
    "Samir",
    "Elif",
    "Oskar",
    "David",
    "Sara",
    "Pieter",
    "Viktor",
    "Rui",
    "Leila",
    "Henrik",
    "Maren",
    "Teodor",
    "Alba",
    "Kofi",
    "Irene",
    "Mikael",
    "Zofia",
    "Emil",
]
SURNAME = [
    "Strand",
    "Ricci",
    "Lindholm",
    "Kowalczyk",
    "Novak",
    "Carvalho",
    "Brandt",
    "Rahimi",
    "Mendes",
    "Weber",
    "Berger",
    "Torres",
    "Haddad",
    "Demir",
    "Nyberg",
    "Mensah",
    "Okafor",
    "Jansen",
    "Holm",
    "Santos",
    "Aydin",
    "Solberg",
    "Vidal",
    "Petrov",
    "Costa",
    "Boateng",
    "Falk",
    "Lehto",
    "Wrona",
    "Dahl",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
LINES = ["Northern", "Coastal", "Valley"]
CROPS = ["wheat", "olive", "barley"]
BANKS = ["Nordbank", "Banca Ardia", "Westmark Savings"]


def _fill(t: int, v: int) -> dict[str, str]:
    """Return the placeholders of template t, variant v: deterministic, no two alike."""
    city, region, country, outlet, byline = PLACES[(t + 2 * v) % len(PLACES)]
    i = v * len(TEMPLATES) + t
    a = f"{FIRST[i]} {SURNAME[i]}"
    b = f"{FIRST[(i + 13) % 30]} {SURNAME[(i + 7) % 30]}"
    n = 7 * t + 11 * v + 3  # a seed for the figures
    capital = region[0].upper() + region[1:]  # "the Lower Vale" opening a sentence
    return {
        "city": city,
        "CITY": city.upper(),
        "region": region,
        "Region": capital,
        "country": country,
        "outlet": outlet,
        "byline": byline,
        "day": DAYS[(t + v) % len(DAYS)],
        "a": a,
        "a_last": a.split()[-1],
        "b": b,
        "b_last": b.split()[-1],
        "pct": str(4 + n % 23),
        "avg": str(3 + n % 5),
        "upct": f"{4 + n % 5}.{n % 10}",
        "homes": f"{800 + 37 * n:,}",
        "line": LINES[v],
        "punct": str(71 + n % 19),
        "cost": str(40 + n % 60),
        "org": ["Rail Riders", "Green Streets", "Trees First"][v]
        if t != 8
        else ["Green Streets", "Trees First", "Canopy Now"][v],
        "operator": f"{country} Railways",
        "grid": f"{country} Grid",
        "bills": str(5 + n % 9),
        "claims": f"{1200 + 53 * n:,}",
        "posts": f"{300 + 41 * n:,}",
        "hired": f"{900 + 29 * n:,}",
        "hospital": f"{city} General Hospital",
        "hours": str(4 + n % 5),
        "beds": str(20 + n % 40),
        "nurses": str(60 + n % 90),
        "crop": CROPS[v],
        "aid": str(15 + n % 70),
        "federation": f"{capital} Farmers' Federation",
        "ministry": f"{country} Ministry of Agriculture",
        "year": str(2008 + n % 12) if t == 7 else str(2030 + v),
        "jobs": f"{40 + n % 50},000",
        "bank": BANKS[v],
        "stats": f"{country} Statistics Office",
        "trees": f"{10 + n % 30},000",
        "felled": f"{1 + n % 4},{100 + n % 800}",
        "visitors": f"{3 + n % 9}.{n % 10}",
        "flats": f"{400 + 13 * n:,}",
        "board": f"{capital} Tourism Board",
        "police": f"{city} Police",
    }


def stories(*, today: date) -> list[Story]:
    """Return the thirty invented articles, published over the six weeks before `today`."""
    result = []
    for v in range(3):
        for t, template in enumerate(TEMPLATES):
            values = _fill(t, v)
            body = "\n\n".join(p.format(**values) for p in template["body"])
            marks = []
            for kind, text, who, who_kind, role, verdict in template["marks"]:
                mark = Mark(
                    kind=kind,
                    text=text.format(**values),
                    who=who.format(**values),
                    who_kind=who_kind or "person",
                    role=role.format(**values),
                    verdict="" if verdict is None else VERDICTS[(verdict + t + v) % len(VERDICTS)],
                )
                if mark.text not in body:
                    raise ValueError(f"demo template {t}: {mark.text!r} is not in the text")
                marks.append(mark)
            index = v * len(TEMPLATES) + t
            result.append(
                Story(
                    title=template["title"].format(**values),
                    outlet=values["outlet"],
                    byline=values["byline"],
                    published=today - timedelta(days=45 - index),
                    body=body,
                    marks=tuple(marks),
                )
            )
    return result
