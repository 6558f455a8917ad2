"""Word lists the discovery rules read: what makes a capitalised span a person, an organisation
or a place, and what must never become an entity.

They are English function words and naming conventions, not names from any corpus: the rules
have to work on documents nobody has seen.
"""

from __future__ import annotations

from store.lang.en.calendar import CALENDAR_WORDS

# A capitalised word in a span that makes it an organisation.
ORG_CUES = frozenset(
    """
committee ministry party movement organization organisation court centre center council agency
institute service group front union bank department office commission association society
foundation university army forces police guard brigade division parliament assembly government
directorate bureau authority corporation company programme program brotherhood alliance league
coalition federation board academy school church network media press times news commonwealth
congress commissioner radio television force newspaper magazine branch battalion regiment
corps squadron fund partnership tribunal
""".split()
)

# A capitalised word that makes a span a named thing of type other (laws, plans, operations).
OTHER_CUES = frozenset(
    """
declaration convention strategy treaty act law code operation process plan summit conference
exercise agreement charter initiative resolution
""".split()
)

# A capitalised word in a span that makes it a place.
PLACE_CUES = frozenset(
    """
province region oblast district county city republic island islands mountains sea river valley
lake gulf bay peninsula desert basin village town kingdom emirate state states camp airport
mount country
""".split()
) - {"state"}

# Lower-case nouns after a name that say it is a place: "Balkhash city", "Chui oblast".
PLACE_NOUNS_AFTER = frozenset(
    "city town village province region oblast district county river lake valley mountains".split()
)

# Words that head a title before a person's name ("Interior Minister", "NSC chairman").
TITLE_HEADS = frozenset(
    """
president minister premier chairman chairwoman chair chief head director secretary governor
mayor senator ambassador commander spokesman spokeswoman spokesperson leader professor prof
prof. dr dr. mr mr. mrs mrs. ms ms. sheikh imam judge prosecutor prosecutor-general colonel
captain lieutenant sergeant general king queen prince emir mullah editor analyst researcher
blogger correspondent reporter activist founder lawyer officer deputy envoy
sheik ayatollah mufti rabbi pope cardinal bishop archbishop patriarch marshal admiral brigadier
comandante excellency sayyed sayyid col gen lt maj sgt capt brig adm cpl pvt pm
""".split()
) - {"deputy"}

# Words that may precede a title head inside the title ("Deputy", "Interior", "Prime").
TITLE_MODIFIERS = frozenset(
    """
deputy vice first acting former interior foreign prime defence defense justice finance
economy state general chief senior executive regional provincial national
""".split()
)

TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS


def title_head(word: str) -> bool:
    """A lower-case title head, also in the plural ("ministers")."""
    return word in TITLE_HEADS or word.rstrip("s") in TITLE_HEADS


# Finite verbs: after a name they start a clause, inside an apposition they make it one.
FINITE_VERBS = frozenset(
    "is are was were has have had will would can could should may might "
    "must shall does did do".split()
)
# Words that open a noun phrase without naming anything ("a", "its", "another").
DETERMINERS = frozenset("a an the its his her their one another".split())
# Prepositions before a place ("in Osh", "across Syria").
PLACE_PREPOSITIONS = frozenset({"in", "near", "throughout", "across", "from", "outside", "inside"})

# Verbs that, right after a name, say a person spoke.
SPEECH_VERBS = frozenset(
    """
said says told added warned stated announced noted argued wrote explained claimed insisted
replied recalled admitted asked urged
""".split()
)

# Words of generic institution names: a span made only of these names a kind of body, not one
# body ("Supreme Court", "Interior Ministry") and is qualified by the place named with it.
GENERIC_WORDS = frozenset(
    """
supreme constitutional high court courts ministry interior foreign affairs internal defence
defense justice parliament government police national security committee council office
prosecutor general central bank army state federal public regional district city provincial
election commission agency service department of for the and
""".split()
)

# Lower-case joiners allowed inside a name ("Hizb ut-Tahrir al Islami", "Charles de Gaulle").
PARTICLES = frozenset("al el ul ut an bin ibn de da du van von der la le wal e".split())


def calendar_word(word: str) -> bool:
    """A lower-case calendar word, also as the last part of a hyphenated one ("mid-may")."""
    return word.rsplit("-", 1)[-1] in CALENDAR_WORDS


# Words that may follow a place after "in X" (so "in Kazakh mosques" is not a place).
AFTER_PLACE = frozenset(
    """
and or but on in at to for from since during with by near after before where which that who
when as is was were has have had until till over under against about amid while than
""".split()
)

# Sentence openers and function words that are capitalised only because they start a sentence.
STOPWORDS = (
    frozenset(
        """
a an the this that these those it its as but and or if when while since after before although
though despite according following during meanwhile moreover furthermore finally currently
lately thus such many most some all both each other another why how what who whom where which
do does did is are was were be been has have had could would should can will shall might must
over under between without with for from to by of in on at into our their his her we they he
she i you your yes no not only also even still yet then there here now today earlier later last
next first second third one two three four five six seven eight nine ten however nonetheless
instead indeed accordingly consequently similarly likewise therefore hence so because unless
until whether whereas every any few several more less once again just perhaps maybe almost
about above across against along among around behind below beneath beside beyond near off out
through throughout toward towards upon via within mr mrs ms dr yesterday tomorrow tonight
overnight afterwards
""".split()
    )
    | CALENDAR_WORDS
)

# Adjective endings: an uncued span ending like this and followed by a lower-case word is an
# adjective phrase ("Central Asian states", "Islamic extremism"), not a name.
ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "ical", "stani", "ani", "ern", "ist")
# Plural demonyms ("Central Asians", "Europeans") name peoples, not entities.
DEMONYM_PLURALS = ("ians", "eans", "stanis")

# Acronyms that are common nouns, never a named body on their own.
COMMON_ACRONYMS = frozenset(
    """
NGO NGOS IED IEDS CEO GDP TV PDF URL HTML AM PM UTC GMT BC AD OK ID PC USB FAQ CV PR HQ VIP
""".split()
)

# Nouns that, as the head of an apposition ("X, an ISIL leader", "the head of ..., X,") or
# right before a name, say what the name is. Adjective-like ones ("militant") count only when
# no other such noun follows ("a militant group").
PERSON_NOUNS = TITLE_HEADS | frozenset(
    """
member militant fighter preacher cleric resident citizen native student teacher journalist
writer author businessman businesswoman politician official diplomat soldier son daughter wife
husband brother sister father mother man woman expert scholar lecturer economist farmer
worker suspect defendant recruiter ideologist ideologue specialist scientist jihadist rebel
terrorist insurgent extremist emissary negotiator aide adviser advisor
""".split()
)
ORG_NOUNS = frozenset(
    """
group organization organisation militia movement faction network party charity company firm
agency ngo newspaper channel outlet website broadcaster bank union alliance coalition bloc
institute ministry committee council court army force unit cell outfit association
foundation university school club brotherhood service department government watchdog
station magazine publisher corporation airline insurgency
""".split()
)
PLACE_NOUNS = frozenset(
    """
city town village capital country region province district oblast county island river lake
port republic nation kingdom territory enclave suburb neighbourhood neighborhood settlement
municipality valley mountain peninsula airport camp
""".split()
)

# Lower-case words right after a name that say it is an organisation: "X group", "X (IS)
# extremist group", "FSB officers".
ORG_NOUNS_AFTER = frozenset(
    """
group groups organization organisation militia movement faction network outfit members
fighters militants officers leadership spokesman spokeswoman spokesperson
""".split()
)
# Adjectives allowed between a name and such a noun ("the X militant group").
ORG_ADJECTIVES = frozenset(
    """
militant terrorist extremist jihadist islamist armed rebel insurgent radical separatist
criminal political opposition banned outlawed underground right-wing left-wing
""".split()
)

# Nouns after an acronym that belong to a country, not a body: "US military", "US embassy".
COUNTRY_NOUNS_AFTER = frozenset(
    """
military government president embassy ambassador administration citizens nationals economy
senate congress territory soil dollar dollars interests
""".split()
)
# Nouns before "of the ACR" said of states: "the collapse of the USSR".
COUNTRY_NOUNS_BEFORE = frozenset("collapse fall breakup break-up dissolution borders".split())

# Compass words that, first in a two-word name, make it a region: "Middle East", "West Kazakhstan".
COMPASS = frozenset(
    """
north south east west northern southern eastern western central middle far near upper lower
inner outer north-east north-west south-east south-west northeast northwest southeast southwest
""".split()
)

# Arabic-style name particles that begin a personal name ("Abu Muhammad", "Ibn Sina") or join
# one ("Osama bin Laden").
PERSON_PARTICLES_FIRST = frozenset("abu umm ibn bin".split())
PERSON_PARTICLES_INSIDE = frozenset("bin ibn".split())


# Words after which a number belongs to the name: "Resolution 1373", "Branch 251",
# "Flight 103"; and nouns an ordinal may open ("2nd Brigade", "44th Mountain Infantry
# Division" need a capitalised word after the ordinal).
NUMBERED_HEADS = frozenset(
    """
resolution branch unit brigade division battalion regiment squadron wing fleet corps flight
article section directive decree chapter zone sector camp route highway
""".split()
)

# Peoples, faiths and their adjectives: "not entities" on their own, and a span made of them
# or led by one with no cue word ("Sunni Islam", "Lebanese Shiites") is no name either.
PEOPLES = frozenset(
    """
sunni sunnis shia shias shiite shiites shi'a shi'ite alawite alawites druze christian
christians muslim muslims islamist islamists jihadist jihadists jewish jews catholic catholics
orthodox protestant protestants sikh sikhs hindu hindus buddhist buddhists yazidi yazidis
kurdish kurds arab arabs persian persians tamil tamils sinhalese pashtun pashtuns baloch uyghur
uyghurs berber berbers tuareg fulani hausa yoruba igbo rohingya islam christianity judaism
hinduism buddhism sikhism
""".split()
)
