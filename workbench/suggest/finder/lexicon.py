"""Word lists the finder relies on: reporting verbs, titles, organisation words, pronouns."""

from __future__ import annotations

from pathlib import Path


def split_words(text: str) -> list[str]:
    """Return the words of a space-separated list (keeps long word lists readable)."""
    return text.split()


# Reporting verbs that introduce speech, with their irregular forms spelled out.
_SPEECH = split_words(
    """add admit advise affirm agree allege announce answer argue ask assert assure
aver blast boast brag call caution charge chide cite claim comment complain concede conclude
confess confirm contend continue counter cry declare decry demand deny describe detail disclose
dismiss dispute echo emphasize emphasise estimate exclaim explain indicate insist inform instruct
joke lament maintain mention muse note object observe offer plead pledge point post predict
proclaim promise protest quip reason recall recount reflect reiterate remark remind repeat reply
report respond retort reveal scoff shout sigh signal snap state stress suggest summarize testify
thunder tweet urge vow warn whisper wonder worry yell acknowledge announce criticize criticise
praise rail accuse lash blog email text rule order forecast guarantee react chant interject
underscore underline specify"""
)
_SPEECH_IRREGULAR = split_words(
    """say says said saying tell tells told telling write writes wrote written
writing speak speaks spoke spoken speaking tweeted tweeting emailed emailing texted
begin begins began beginning put puts read reads sang sing sings"""
)

# Cognition verbs: PolNeAR counts beliefs as attributions; the finder scores them lower.
_COGNITION = split_words(
    """believe hope fear doubt expect suspect suppose guess figure reckon assume
predict worry realize realise speculate"""
)
_COGNITION_IRREGULAR = split_words(
    "think thinks thought thinking feel feels felt feeling know knows knew"
)


def _inflect(base: str) -> set[str]:
    forms = {base}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        if base in {"quip", "snap", "plan", "blog", "admit", "regret"}:
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


SPEECH_VERBS: frozenset[str] = frozenset(
    {form for base in _SPEECH for form in _inflect(base)} | set(_SPEECH_IRREGULAR)
)
COGNITION_VERBS: frozenset[str] = frozenset(
    {form for base in _COGNITION for form in _inflect(base)} | set(_COGNITION_IRREGULAR)
)
# Verbs that, after a quotation, attribute it ("…,” he said): the common core only, since a
# rarer verb after a quote ("…,” he charged) is still almost always attribution.
REPORTING_VERBS: frozenset[str] = SPEECH_VERBS | COGNITION_VERBS

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "it": "n",
    "i": "1",
    "we": "1p",
    "him": "m",
    "her": "f",
    "them": "p",
}

# Titles before a name; stripped from the canonical name, kept as the role when nothing better.
TITLES = frozenset(
    split_words(
        """mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sen sen. senator rep rep.
    representative gov gov. governor president vice-president secretary minister
    prime general gen gen. colonel col col. lieutenant lt lt. captain capt capt. sergeant sgt
    sgt. judge justice rev rev. father sister brother mayor chancellor ambassador commissioner
    chairman chairwoman chair director spokesman spokeswoman spokesperson sheikh sir lady lord
    king queen prince princess pope cardinal bishop rabbi imam deputy chief officer agent
    attorney detective inspector superintendent coach candidate speaker leader commander
    adm adm. admiral major maj maj. dame del. swami acharya maulana mufti ayatollah pastor
    constable corporal cpl cpl. trooper det det. supt supt. insp insp. brigadier brig brig.
    sheriff
    marshal"""
    )
)
# Honorifics: said before a name out of courtesy, neither name nor role ("Shri Ann Lie",
# "Hon Ann Lie", "Dr. Ann Lie").
HONORIFICS = frozenset(
    split_words("""mr mr. mrs mrs. ms ms. miss mx dr dr. prof prof. sir dame madam shri sri smt
    smt. shrimati kumari hon hon. honourable honorable""")
)
# Offices that stand before a name in government and parliament news the world over, beside
# TITLES: "Treasurer Ann Lie", "Premier Ann Lie", "Raksha Mantri Ann Lie", "rapporteur Ann Lie".
OFFICE_TITLES = frozenset(
    split_words("""premier treasurer mantri envoy rapporteur co-rapporteur congressman
    congresswoman councillor councilor administrator prosecutor ombudsman mep mp minister
    secretary-general undersecretary under-secretary comptroller registrar marshal
    commissioner spokesperson head counsel co-author taoiseach tánaiste tanaiste emir
    ceann comhairle""")
)
FEMALE_TITLES = frozenset(
    split_words("mrs mrs. ms ms. miss madam madame lady queen princess sister dame")
)
MALE_TITLES = frozenset(split_words("mr mr. sir lord king prince father brother"))

# Words that make a capitalised phrase an organisation rather than a person.
ORG_WORDS = frozenset(
    split_words(
        """ministry department office agency committee commission council party campaign
    university college institute institution association foundation bank company corporation
    corp corp. inc inc. ltd group army navy force forces police court house senate congress
    parliament assembly government administration embassy coalition alliance union federation
    organisation organization network news times post journal press review television tv radio
    service services bureau board centre center authority authorities fund trust league club
    pentagon kremlin white church school hospital council commission movement front brigade
    brigades militia command unit exchange reserve fed nations un nato fbi cia nsa eu who imf
    ap reuters afp bbc cnn nbc cbs abc msnbc npr politico breitbart guardian agency times w.h.o
    tribune herald gazette observer chronicle telegraph magazine daily weekly initiative
    advisers project institute footwear strategies partners associates consulting consultants
    communications holdings llc llp international"""
    )
)

# Common nouns that can head an organisation or an anonymous source ("the ministry said").
SOURCE_NOUNS = frozenset(
    split_words(
        """ministry department office agency committee commission council party campaign
    government administration embassy army military police court company firm spokesman
    spokeswoman spokesperson official officials source sources statement report study survey
    poll analysts experts authorities prosecutors investigators researchers lawyers lawyer
    attorney attorneys aide aides adviser advisers advisor advisors critics supporters
    residents witnesses witness observers diplomats diplomat officer officers group groups
    organisation organization union spokesmen newspaper paper magazine network website
    report reports document documents letter filing memo data figures statistics polls
    leader leaders minister president senator candidate judge analyst expert economist
    scientist scientists doctor doctors activist activists protesters people voters
    campaigners representative representatives member members manager managers executive
    executives chief head director coach governor mayor correspondent reporter reporters
    editor author authors book study"""
    )
)
ORG_SOURCE_NOUNS = frozenset(
    split_words(
        """ministry department office agency committee commission council party campaign
    government administration embassy army military police court company firm group
    organisation organization union newspaper paper magazine network website"""
    )
)

# Capitalised words that start sentences but are not names.
CAPITALISED_STOPWORDS = frozenset(
    split_words(
        """the a an and but or so yet still however then now also in on at for from with by
    after before when while as if though although because since until unless meanwhile
    this that these those there here his her their its our my your we he she they it i
    asked speaking writing according during over under about among between despite
    what who why how where which whether last next first second another other some many
    most few several all both each every no not only even just later earlier today
    yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    mr mrs ms dr"""
    )
)


def _census_names() -> tuple[frozenset[str], frozenset[str]]:
    """First names of men and of women from the US Census list shipped in data/."""
    male, female = set(), set()
    for line in (Path(__file__).with_name("data") / "first_names.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, sex = line.split()
            (male if sex == "m" else female).add(name)
    return frozenset(male), frozenset(female)


_CENSUS_MALE, _CENSUS_FEMALE = _census_names()
FEMALE_NAMES = frozenset(
    split_words(
        """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa
    deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole samantha katherine emma ruth christine catherine debra rachel carolyn
    janet virginia maria heather diane julie joyce victoria kelly christina joan evelyn lauren
    judith olivia megan cheryl martha andrea frances hannah jacqueline ann gloria jean kathryn
    alice teresa sara janice doris madison julia grace judy abigail marie denise beverly amber
    theresa marilyn danielle diana brittany natalie sophia rose isabella alexis kayla charlotte
    hillary nikki kellyanne sheryl condoleezza nancy elizabeth huma hope sarah ivanka melania
    angela theresa marine ursula christine kamala nadia fatima aisha leila layla yasmin
    renate claire chloe sophie camille julie"""
    )
)
MALE_NAMES = frozenset(
    split_words(
        """james robert john michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip louis barack bernie ted marco
    jeb ben chris mike mitt rand reince newt rudy bill hillary vladimir xi emmanuel boris
    mohammed muhammad ahmed ali hassan hussein omar abdul khalid recep benjamin volodymyr
    renad qassem akram mushtaq tim lindsey"""
    )
) - {"hillary"}
MALE_NAMES, FEMALE_NAMES = (
    MALE_NAMES | (_CENSUS_MALE - FEMALE_NAMES),
    FEMALE_NAMES | (_CENSUS_FEMALE - MALE_NAMES),
)


# Words that open a clause of their own after a quotation or a speaker's name, not its
# attribution or role: "“…,” when Ann Lie criticised him", "said Ann Lie, though she added …".
CLAUSE_OPENERS = frozenset(
    split_words("""but and yet while as when after before because since until though although
    unless once whereas""")
)


# Possessive determiners: "his stated aim", "her foundation".
POSSESSIVE_DETERMINERS = frozenset(split_words("his her its their our my your"))


# Plural nouns with no plural "s": "local media said", "which police said", "hospital staff".
UNMARKED_PLURALS = frozenset(split_words("media police staff people personnel"))
