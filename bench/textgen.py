"""A deterministic generator of customer-service text in Bokmål, Nynorsk and English.

Messages are put together from pools of sentences made once per run from templates and
word lists. Every sentence keeps its stemmed form next to it (stemmed with the app's own
Norwegian Snowball stemmer, memoised per word), so the search index can be filled without
stemming millions of messages one word at a time. `check_stemming` proves that the result
equals `vennlig.search.index` + `vennlig.lib.stemming.stem_text` on a sample.

Word frequencies the inbox benchmark relies on (measured and reported by the seeder):
  COMMON_WORD  "faktura"    in about 30 % of messages (subjects of billing conversations,
                            plus sentences in other messages)
  RARE_WORD    "snøfreser"  in about 0.01 % of messages
  PHRASE       "feil beløp" in a few % of messages; "feil" and "beløp" also occur apart
"""

import random
from dataclasses import dataclass

from vennlig.lib.stemming import _stemmer, words

COMMON_WORD = "faktura"
RARE_WORD = "snøfreser"
PHRASE = "feil beløp"

_STEMS: dict[str, str] = {}


def stem_text_cached(text: str) -> str:
    """The same result as vennlig.lib.stemming.stem_text, with a per-word cache."""
    out = []
    stemmer = _stemmer()
    for word in words(text):
        stem = _STEMS.get(word)
        if stem is None:
            stem = _STEMS[word] = stemmer.stemWord(word)
        out.append(stem)
    return " ".join(out)


@dataclass(frozen=True)
class Piece:
    text: str
    stem: str


def piece(text: str) -> Piece:
    return Piece(text, stem_text_cached(text))


def join(pieces, sep=" ") -> Piece:
    return Piece(sep.join(p.text for p in pieces), " ".join(p.stem for p in pieces if p.stem))


# --- word lists ------------------------------------------------------------------------------

FIRST_NAMES = (
    "Ola Kari Per Åse Bjørn Sølvi Øystein Ingrid Håkon Marit Jørgen Sofie Liv Sindre Ragnhild "
    "Eirik Tone Geir Hanne Trond Silje Magnus Nora Emil Ida Jonas Thea Sander Maja Aksel Frøya "
    "Mathias Astrid Tobias Live Kristoffer Hedda Ahmed Fatima Piotr Agnieszka Liam Emma Noah "
    "Olivia Mia Lucas Sara Ali Mohammed Leah Oskar Tuva Vetle Signe Halvard Gunnhild"
).split()
LAST_NAMES = (
    "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Bråten "
    "Sæther Løvås Hagen Dahl Strøm Berg Haugen Bakke Lie Moen Solberg Eide Aas Halvorsen Lund "
    "Kvam Østby Fjeld Myhre Nygård Rønning Tveit Vik Smith Brown Khan Nowak Ahmadi Nguyen"
).split()

ITEMS_NB = (
    "jakke sko genser bukse lader kabel hodetelefoner kaffetrakter sykkelhjelm regnjakke "
    "ryggsekk telt sovepose vinterjakke støvler joggesko skjerm tastatur mus ruter stekepanne "
    "blender vaskemaskin termos klokke sykkel ski"
).split()
ITEMS_EN = (
    "jacket shoes sweater trousers charger cable headphones coffee maker bike helmet rain "
    "jacket backpack tent sleeping bag boots screen keyboard mouse router frying pan blender "
    "watch bicycle skis"
).split()
WEEKDAYS_NB = "mandag tirsdag onsdag torsdag fredag lørdag søndag".split()
WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

# Filler vocabulary, for sentences that are less templated (the way customers also write).
FILL_NB = (
    "hei takk for rask hjelp jeg har et spørsmål om bestilling ordre levering pakken kom aldri "
    "frem kan dere sjekke status på saken refusjon ønsker å avslutte abonnementet endre adresse "
    "flyttet til ny leilighet innlogging fungerer ikke passordet glemt brukernavn appen krasjer "
    "mobilen nettsiden betaling avvist kortet utløpt kvittering mangler moms kroner frakt gebyr "
    "forsinket uke dager siden ventet lenge svar snarest kundenummer avtalenummer vedlagt bilde "
    "skjermbilde feilmelding dukker opp når prøver åpne side tom hvit knapp virker trykker "
    "ingenting skjer økonomi regnskap purring inkasso betalingsfrist forfallsdato kreditnota "
    "bytte retur returlapp størrelse farge blå grønn rød strøm måler nettleie avlesning "
    "strømbrudd sikring kontrakt medlemskap treningssenter time booking instruktør garderobe "
    "skap nøkkelkort fortsatt aldri alltid særlig nøyaktig første andre tredje gang måned år "
    "ærlig talt skuffet fornøyd glad sur frustrert må få ordnet dette nå både også allerede"
).split()
FILL_NN = (
    "hei takk for rask hjelp eg har eit spørsmål om bestillinga ordre levering pakka kom aldri "
    "fram kan de sjekke status på saka refusjon ønskjer å avslutte abonnementet endre adresse "
    "flytta til ny leilegheit innlogging fungerer ikkje passordet gløymt appen krasjar mobilen "
    "betaling avvist kortet kvittering manglar frakt gebyr forseinka veke dagar sidan venta "
    "lenge svar kundenummer vedlagt bilete feilmelding dukkar opp når prøver opne sida knapp "
    "straum målar nettleige avlesing straumbrot medlemskap treningssenter time instruktør "
    "framleis alltid særleg første andre tredje gong månad år skuffa nøgd glad sur frustrert"
).split()
FILL_EN = (
    "hello thanks for the quick help i have a question about my order delivery the parcel "
    "never arrived can you check the status of the case refund would like to cancel "
    "subscription change address moved to a new apartment login does not work password forgot "
    "username app crashes on my phone website payment declined card expired receipt missing "
    "vat total shipping fee delayed week days ago waited long reply asap customer number "
    "attached screenshot error message shows up when trying to open page blank button nothing "
    "happens power meter reading outage contract membership gym class booking instructor "
    "locker key card still never always exactly first second third time month year honestly "
    "disappointed happy upset frustrated please fix this now"
).split()

TAGS = [
    "levering",
    "retur",
    "refusjon",
    "klage",
    "vip",
    "betaling",
    "innlogging",
    "app",
    "strømbrudd",
    "måler",
    "flytting",
    "medlemskap",
    "oppsigelse",
    "booking",
    "garanti",
    "presse",
    "sosiale-medier",
    "takk",
]

# --- sentence templates ----------------------------------------------------------------------
# Topics by team; "billing" is where the common word lives.
TOPICS = {
    "shop": ["delivery", "return", "billing", "product", "login"],
    "power": ["outage", "billing", "meter", "moving"],
    "gym": ["membership", "billing", "booking", "app"],
}

SUBJECTS = {
    "nb": {
        "delivery": [
            "Pakken har ikke kommet frem (ordre {n})",
            "Hvor er pakken min?",
            "Forsinket levering av ordre {n}",
            "Feil vare levert",
            "Sporing virker ikke",
        ],
        "return": [
            "Retur av {item}",
            "Bytte av størrelse på {item}",
            "Refusjon for ordre {n}",
            "Returlapp mangler",
        ],
        "billing": [
            "Spørsmål om faktura {n}",
            "Purring på faktura {n}, allerede betalt",
            "Feil på faktura",
            "Faktura for {month}",
            "Dobbelt trekk på faktura {n}",
        ],
        "product": [
            "{item} er ødelagt",
            "Reklamasjon på {item}",
            "Spørsmål om {item}",
            "Garanti på {item}",
        ],
        "login": ["Får ikke logget inn", "Glemt passord", "Kontoen min er sperret"],
        "outage": [
            "Strømbrudd i {street}",
            "Ingen strøm siden {weekday}",
            "Sikringen går hele tiden",
        ],
        "meter": ["Måleravlesning", "Måleren viser feil", "Spørsmål om nettleie"],
        "moving": ["Flytting til ny adresse", "Overta strømavtale", "Avslutte avtale ved flytting"],
        "membership": [
            "Si opp medlemskap",
            "Frys av medlemskap",
            "Endre medlemskap",
            "Pris på medlemskap",
        ],
        "booking": ["Får ikke booket time", "Timen ble avlyst", "Venteliste på {weekday}"],
        "app": ["Appen krasjer", "Nøkkelkortet virker ikke", "Appen viser feil medlemskap"],
    },
    "nn": {
        "delivery": [
            "Pakka har ikkje kome fram (ordre {n})",
            "Kvar er pakka mi?",
            "Forseinka levering av ordre {n}",
        ],
        "return": ["Retur av {item}", "Byte av storleik", "Refusjon for ordre {n}"],
        "billing": [
            "Spørsmål om faktura {n}",
            "Purring på faktura {n}, alt betalt",
            "Feil på faktura",
            "Faktura for {month}",
        ],
        "product": ["{item} er øydelagt", "Reklamasjon på {item}"],
        "login": ["Får ikkje logga inn", "Gløymt passord"],
        "outage": ["Straumbrot i {street}", "Ingen straum sidan {weekday}"],
        "meter": ["Målaravlesing", "Målaren viser feil"],
        "moving": ["Flytting til ny adresse", "Avslutte avtale ved flytting"],
        "membership": ["Seie opp medlemskap", "Frys av medlemskap"],
        "booking": ["Får ikkje booka time", "Timen vart avlyst"],
        "app": ["Appen krasjar", "Nøkkelkortet verkar ikkje"],
    },
    "en": {
        "delivery": [
            "Parcel not delivered (order {n})",
            "Where is my parcel?",
            "Delayed delivery of order {n}",
            "Wrong item delivered",
        ],
        "return": ["Return of {item}", "Exchange size", "Refund for order {n}"],
        "billing": [
            "Question about faktura {n}",
            "Invoice {n} already paid",
            "Wrong amount on my invoice",
            "Faktura for {month}",
        ],
        "product": ["{item} is broken", "Warranty claim for {item}"],
        "login": ["Cannot log in", "Forgot my password", "Account locked"],
        "outage": ["Power outage in {street}", "No power since {weekday}"],
        "meter": ["Meter reading", "Meter shows the wrong value"],
        "moving": ["Moving to a new address", "End contract when moving"],
        "membership": ["Cancel membership", "Freeze membership"],
        "booking": ["Cannot book a class", "Class was cancelled"],
        "app": ["The app crashes", "Key card does not work"],
    },
}

_OTHER_TOPICS = {c: [t for t in topics if t != "billing"] for c, topics in TOPICS.items()}

MONTHS_NB = "januar februar mars april mai juni juli august september oktober november desember"
MONTHS_EN = "January February March April May June July August September October November December"
STREETS = (
    "Storgata Kirkeveien Bygdøy allé Thorvald Meyers gate Kongens gate Olav Tryggvasons gate "
    "Strandgata Torggata Markveien Elvegata Nedre Slottsgate Bergensveien"
).split()

OPENERS = {
    "nb": {
        "delivery": [
            "Jeg bestilte en {item} for {days} dager siden, men pakken har ikke kommet.",
            "Ordre {n} skulle vært levert på {weekday}, men ingenting har skjedd.",
            "Sporingen har stått stille i {days} dager.",
            "Pakken er ikke kommet frem, og jeg trenger den til helgen.",
        ],
        "return": [
            "Jeg vil gjerne returnere {item} fra ordre {n}.",
            "Størrelsen på {item} var feil, kan jeg bytte?",
            "Jeg sendte tilbake varen for {days} dager siden og har ikke fått refusjon.",
        ],
        "billing": [
            "Dere har trukket {amount} kroner to ganger fra kontoen min.",
            "Jeg betalte for {days} dager siden, men har fått purring likevel.",
            "Beløpet på regningen stemmer ikke med det jeg bestilte.",
            "Jeg forstår ikke hvorfor det er lagt til et gebyr på {amount} kroner.",
        ],
        "product": [
            "{item} sluttet å virke etter {days} dager.",
            "Glidelåsen på {item} røk første gang jeg brukte den.",
            "Jeg lurer på om {item} tåler vask på 40 grader.",
        ],
        "login": [
            "Jeg får ikke logget inn på Min side.",
            "Passordet mitt fungerer ikke lenger, og lenken for nytt passord kommer aldri.",
            "Appen sier at kontoen min er sperret.",
        ],
        "outage": [
            "Vi har vært uten strøm siden {weekday} morgen.",
            "Strømmen går flere ganger om dagen i {street}.",
            "Hele gata er mørk og ingen svarer på telefonen.",
        ],
        "meter": [
            "Måleren viser et forbruk som er dobbelt så høyt som i fjor.",
            "Jeg har sendt inn måleravlesning, men den er ikke registrert.",
            "Nettleien har økt mye uten at vi har fått beskjed.",
        ],
        "moving": [
            "Jeg flytter til {street} den {day}. {month} og vil ta med avtalen.",
            "Vi har solgt huset og vil avslutte strømavtalen.",
            "Kan dere flytte avtalen til ny adresse?",
        ],
        "membership": [
            "Jeg vil si opp medlemskapet mitt fra neste måned.",
            "Kan jeg fryse medlemskapet mens jeg er skadet?",
            "Jeg har sagt opp, men blir fortsatt trukket {amount} kroner.",
        ],
        "booking": [
            "Jeg får ikke booket time på {weekday}, knappen virker ikke.",
            "Timen min ble avlyst uten beskjed.",
            "Jeg står på venteliste, men får aldri plass.",
        ],
        "app": [
            "Appen krasjer hver gang jeg åpner den.",
            "Nøkkelkortet slipper meg ikke inn i garderoben.",
            "Appen viser feil medlemskap etter oppdateringen.",
        ],
    },
    "nn": {
        "delivery": [
            "Eg bestilte ein {item} for {days} dagar sidan, men pakka har ikkje kome.",
            "Ordre {n} skulle vore levert på {weekday}, men ingenting har skjedd.",
        ],
        "return": [
            "Eg vil gjerne returnere {item} frå ordre {n}.",
            "Eg sende tilbake vara for {days} dagar sidan og har ikkje fått refusjon.",
        ],
        "billing": [
            "De har trekt {amount} kroner to gonger frå kontoen min.",
            "Eg betalte for {days} dagar sidan, men har fått purring likevel.",
        ],
        "product": ["{item} slutta å verke etter {days} dagar."],
        "login": ["Eg får ikkje logga inn på Mi side."],
        "outage": ["Vi har vore utan straum sidan {weekday} morgon."],
        "meter": ["Målaren viser eit forbruk som er dobbelt så høgt som i fjor."],
        "moving": ["Eg flyttar til {street} og vil ta med avtalen."],
        "membership": ["Eg vil seie opp medlemskapet mitt frå neste månad."],
        "booking": ["Eg får ikkje booka time på {weekday}, knappen verkar ikkje."],
        "app": ["Appen krasjar kvar gong eg opnar han."],
    },
    "en": {
        "delivery": [
            "I ordered a {item} {days} days ago, but the parcel has not arrived.",
            "Order {n} was due on {weekday}, but nothing has happened.",
            "The tracking has not moved for {days} days.",
        ],
        "return": [
            "I would like to return the {item} from order {n}.",
            "I sent the item back {days} days ago and still have no refund.",
        ],
        "billing": [
            "You have charged {amount} kroner twice from my account.",
            "I paid {days} days ago but still got a reminder.",
            "The amount on the bill does not match my order.",
        ],
        "product": ["The {item} stopped working after {days} days."],
        "login": [
            "I cannot log in to my account.",
            "The reset link for my password never arrives.",
        ],
        "outage": ["We have had no power since {weekday} morning."],
        "meter": ["The meter shows twice the usage of last year."],
        "moving": ["I am moving to {street} and want to keep my contract."],
        "membership": [
            "I want to cancel my membership from next month.",
            "I cancelled but am still charged {amount} kroner.",
        ],
        "booking": ["I cannot book a class on {weekday}, the button does nothing."],
        "app": ["The app crashes every time I open it."],
    },
}

CUSTOMER_EXTRA = {
    "nb": [
        "Kundenummeret mitt er {n}.",
        "Jeg har lagt ved et skjermbilde.",
        "Jeg har ringt tre ganger uten å komme gjennom.",
        "Dette haster litt.",
        "Ærlig talt er jeg ganske skuffet.",
        "Dette er helt uakseptabelt!",
        "Kan dere ringe meg på {phone}?",
        "Jeg har vært kunde hos dere i {years} år.",
        "Håper dere kan hjelpe meg raskt.",
        "Jeg venter fortsatt på svar fra forrige uke.",
        "Det er ikke første gang dette skjer.",
        "Takk på forhånd!",
        "Jeg er skikkelig lei av å vente.",
        "Hva skjer videre nå?",
    ],
    "nn": [
        "Kundenummeret mitt er {n}.",
        "Eg har lagt ved eit skjermbilete.",
        "Eg har ringt tre gonger utan å kome gjennom.",
        "Dette hastar litt.",
        "Ærleg talt er eg ganske skuffa.",
        "Takk på førehand!",
    ],
    "en": [
        "My customer number is {n}.",
        "I have attached a screenshot.",
        "I have called three times without getting through.",
        "This is a bit urgent.",
        "Honestly, I am quite disappointed.",
        "This is completely unacceptable!",
        "Thanks in advance!",
        "What happens next?",
    ],
}

COMMON_SENTENCES = {  # each contains the common word itself
    "nb": [
        "Jeg har fått en faktura på {amount} kroner som jeg ikke forstår.",
        "Kan dere sende meg en kopi av faktura {n}?",
        "Faktura {n} er allerede betalt.",
        "Når kommer neste faktura?",
        "Jeg vil ha faktura på e-post i stedet for papir.",
        "Står det riktig beløp på siste faktura?",
        "Jeg finner ikke faktura {n} på Min side.",
    ],
    "nn": [
        "Eg har fått ei faktura på {amount} kroner som eg ikkje forstår.",
        "Kan de sende meg ein kopi av faktura {n}?",
        "Faktura {n} er alt betalt.",
    ],
    "en": [
        "The document says faktura {n}, but I never ordered that.",
        "Can you send the faktura by e-mail instead?",
    ],
}
AGENT_COMMON_SENTENCES = {  # the common word, as agents and notes use it
    "nb": [
        "Jeg har sendt deg en ny faktura.",
        "Faktura {n} er nå kreditert.",
        "Du finner faktura {n} under Min side.",
        "Ny faktura er sendt til kunden.",
        "Vi har stoppet purringen på faktura {n}.",
    ],
    "nn": ["Eg har sendt deg ei ny faktura.", "Faktura {n} er no kreditert."],
    "en": ["We have sent you a new faktura.", "Faktura {n} has been credited."],
}
PHRASE_SENTENCES = {  # each contains the phrase
    "nb": [
        "Dere har trukket feil beløp fra kontoen min.",
        "Det står feil beløp på kvitteringen.",
        "Jeg ble belastet feil beløp for ordre {n}.",
        "Hvorfor er det trukket feil beløp igjen?",
    ],
    "nn": ["De har trekt feil beløp frå kontoen min.", "Det står feil beløp på kvitteringa."],
    "en": [],
}
RARE_SENTENCES = {
    "nb": [
        "Saken gjelder en snøfreser jeg kjøpte i fjor.",
        "Hvor lang garanti er det på snøfreser?",
    ],
    "nn": ["Saka gjeld ein snøfreser eg kjøpte i fjor."],
    "en": ["It is about the snøfreser I bought last winter."],
}

GREETINGS = {
    "nb": ["Hei", "Hei!", "Hallo", "Heisann", "God dag"],
    "nn": ["Hei", "Hei!", "Hallo"],
    "en": ["Hello", "Hi", "Hi there", "Good morning"],
}
SIGNOFFS = {
    "nb": ["Mvh", "Hilsen", "Vennlig hilsen", "Med vennlig hilsen"],
    "nn": ["Helsing", "Venleg helsing", "Mvh"],
    "en": ["Regards", "Best regards", "Thanks", "Kind regards"],
}

AGENT_SENTENCES = {
    "nb": [
        "Takk for at du tok kontakt, og beklager ulempen.",
        "Jeg forstår godt at dette er frustrerende.",
        "Jeg har sjekket saken din nå.",
        "Vi har sendt en ny pakke, og den skal være fremme innen {days} dager.",
        "Beløpet blir tilbakebetalt innen fem virkedager.",
        "Jeg har sendt deg en ny lenke for å lage passord.",
        "En montør kommer innom på {weekday} mellom klokka {hour} og {hour2}.",
        "Medlemskapet ditt er nå fryst fra {day}. {month}.",
        "Vi har rettet opp feilen, og du skal ikke trekkes igjen.",
        "Gi gjerne beskjed om du trenger noe mer.",
        "Jeg har registrert måleravlesningen din manuelt.",
        "Returlappen ligger vedlagt denne e-posten.",
        "Vi beklager at du har måttet vente så lenge på svar.",
    ],
    "nn": [
        "Takk for at du tok kontakt, og orsak bryet.",
        "Eg har sjekka saka di no.",
        "Beløpet blir betalt tilbake innan fem vyrkedagar.",
        "Gje gjerne beskjed om du treng noko meir.",
    ],
    "en": [
        "Thank you for getting in touch, and sorry for the trouble.",
        "I completely understand that this is frustrating.",
        "I have looked into your case.",
        "The amount will be refunded within five business days.",
        "We have sent a new parcel, it should arrive within {days} days.",
        "Let us know if there is anything else we can do.",
    ],
}
FOLLOWUPS = {
    "nb": [
        "Takk for raskt svar!",
        "Det hjalp, tusen takk.",
        "Jeg har fortsatt ikke fått noe.",
        "Når kan jeg forvente at dette er ordnet?",
        "Supert, da venter jeg på pakken.",
        "Dette løste ikke problemet, dessverre.",
        "Flott, takk for hjelpen!",
    ],
    "nn": ["Takk for raskt svar!", "Det hjelpte, tusen takk.", "Eg har framleis ikkje fått noko."],
    "en": [
        "Thanks for the quick reply!",
        "That helped, thank you.",
        "I still have not received anything.",
        "When can I expect this to be fixed?",
    ],
}
NOTES = [
    "Kunden har ringt og purret på saken.",
    "Sjekket i ordresystemet: pakken står på terminalen.",
    "Refusjon godkjent av økonomi.",
    "Eskalert til teknisk.",
    "Kunden er VIP, prioriter.",
    "Venter på svar fra transportøren.",
    "Samme kunde har en åpen sak fra før.",
    "Montør bestilt.",
    "Kreditnota sendt.",
    "Snakket med kunden på telefon, hun er fornøyd nå.",
]


class TextGen:
    """Deterministic: the same seed gives the same conversations."""

    POOL = 400  # variants made per template

    def __init__(
        self,
        seed: int = 20261122,
        *,
        common_text_share: float = 0.21,
        phrase_share: float = 0.035,
        rare_share: float = 0.00015,
    ):
        self.r = random.Random(seed)
        self.common_text_share = common_text_share
        self.phrase_share = phrase_share
        self.rare_share = rare_share
        self._build_pools()

    # -- pools ----------------------------------------------------------------------------------
    def _fill(self, template: str, lang: str) -> str:
        r = self.r
        items = ITEMS_EN if lang == "en" else ITEMS_NB
        months = (MONTHS_EN if lang == "en" else MONTHS_NB).split()
        return template.format(
            n=r.randrange(100000, 999999),
            item=r.choice(items),
            days=r.randint(2, 21),
            weekday=r.choice(WEEKDAYS_EN if lang == "en" else WEEKDAYS_NB),
            amount=r.choice([149, 199, 249, 399, 499, 799, 1299, 2490, 4999]),
            street=r.choice(STREETS),
            month=r.choice(months),
            day=r.randint(1, 28),
            phone=f"{r.randint(4, 9)}{r.randrange(10**7):07d}",
            years=r.randint(2, 15),
            hour=r.randint(8, 12),
            hour2=r.randint(13, 16),
        )

    def _pool(self, templates, lang, size=None) -> list[list[Piece]]:
        """Per template, its variants (slots filled in differently)."""
        size = size or self.POOL
        out = []
        for template in templates:
            variants = {self._fill(template, lang) for _ in range(size if "{" in template else 1)}
            out.append([piece(v[0].upper() + v[1:]) for v in sorted(variants)])
        return out

    def _one(self, pool: list[list[Piece]]) -> Piece:
        return self.r.choice(self.r.choice(pool))

    def _some(self, pool: list[list[Piece]], k: int) -> list[Piece]:
        """k sentences from k different templates."""
        return [self.r.choice(variants) for variants in self.r.sample(pool, min(k, len(pool)))]

    def _filler(self, lang, count=3000) -> list[Piece]:
        vocab = {"nb": FILL_NB, "nn": FILL_NN, "en": FILL_EN}[lang]
        other = FILL_EN if lang != "en" else FILL_NB
        out = []
        for _ in range(count):
            n = self.r.randint(5, 13)
            ws = [
                self.r.choice(other) if self.r.random() < 0.05 else self.r.choice(vocab)
                for _ in range(n)
            ]
            text = " ".join(ws)
            out.append(piece(text[0].upper() + text[1:] + self.r.choice(".....?!")))
        return out

    def _build_pools(self):
        self.opener, self.extra, self.common, self.phrase, self.rare = {}, {}, {}, {}, {}
        self.agent_common = {}
        self.agent, self.followups, self.filler, self.greet, self.signoff = {}, {}, {}, {}, {}
        for lang in ("nb", "nn", "en"):
            self.opener[lang] = {t: self._pool(v, lang) for t, v in OPENERS[lang].items()}
            self.extra[lang] = self._pool(CUSTOMER_EXTRA[lang], lang)
            self.common[lang] = self._pool(COMMON_SENTENCES[lang], lang)
            self.agent_common[lang] = self._pool(AGENT_COMMON_SENTENCES[lang], lang)
            self.phrase[lang] = self._pool(PHRASE_SENTENCES[lang], lang)
            self.rare[lang] = self._pool(RARE_SENTENCES[lang], lang)
            self.agent[lang] = self._pool(AGENT_SENTENCES[lang], lang)
            self.followups[lang] = self._pool(FOLLOWUPS[lang], lang)
            self.filler[lang] = [self._filler(lang)]
            self.greet[lang] = [piece(g) for g in GREETINGS[lang]]
            self.signoff[lang] = [piece(s) for s in SIGNOFFS[lang]]
        self.notes = [[piece(n)] for n in NOTES] + [self._filler("nb", 500)]
        self.first_name_pieces = {n: piece(n) for n in FIRST_NAMES}
        self.comma = Piece(",", "")

    # -- people and subjects ----------------------------------------------------------------------
    def person(self) -> tuple[str, str]:
        return self.r.choice(FIRST_NAMES), self.r.choice(LAST_NAMES)

    def language(self) -> str:
        x = self.r.random()
        return "nb" if x < 0.75 else ("nn" if x < 0.85 else "en")

    def topic(self, company: str) -> str:
        # billing is the biggest topic everywhere (about one conversation in five)
        if self.r.random() < 0.2:
            return "billing"
        return self.r.choice(_OTHER_TOPICS[company])

    def subject(self, lang: str, topic: str) -> Piece:
        templates = SUBJECTS[lang].get(topic) or SUBJECTS["nb"][topic]
        text = self._fill(self.r.choice(templates), lang)
        return piece(text[0].upper() + text[1:])

    # -- messages -------------------------------------------------------------------------------
    def _maybe_special(self, lang: str, parts: list[Piece], *, agent: bool = False) -> None:
        r = self.r
        if not agent and r.random() < self.common_text_share:
            parts.insert(r.randint(1, len(parts)), self._one(self.common[lang]))
        elif agent and r.random() < self.common_text_share / 2:
            parts.insert(r.randint(1, len(parts)), self._one(self.agent_common[lang]))
        if agent:
            return
        if self.phrase[lang] and r.random() < self.phrase_share:
            parts.insert(r.randint(1, len(parts)), self._one(self.phrase[lang]))
        if r.random() < self.rare_share:
            parts.insert(r.randint(1, len(parts)), self._one(self.rare[lang]))

    def customer_message(self, lang: str, topic: str, first_name: str) -> Piece:
        r = self.r
        body = [self._one(self.opener[lang].get(topic) or self.opener["nb"][topic])]
        body += self._some(self.extra[lang], r.randint(1, 3))
        for _ in range(r.choice((0, 0, 1, 1, 2))):
            body.append(self._one(self.filler[lang]))
        self._maybe_special(lang, body)
        greet = r.choice(self.greet[lang])
        lines = [
            greet,
            Piece("", ""),
            join(body),
            Piece("", ""),
            r.choice(self.signoff[lang]),
            self.first_name_pieces[first_name],
        ]
        return join(lines, "\n")

    def agent_reply(self, lang: str, first_name: str, agent_name: Piece) -> Piece:
        r = self.r
        body = self._some(self.agent[lang], r.randint(2, 4))
        self._maybe_special(lang, body, agent=True)
        greet = piece(f"{'Hi' if lang == 'en' else 'Hei'} {first_name},")
        sign = self.signoff[lang][-1]
        lines = [greet, Piece("", ""), join(body), Piece("", ""), sign, agent_name]
        return join(lines, "\n")

    def followup(self, lang: str, first_name: str) -> Piece:
        r = self.r
        body = [self._one(self.followups[lang])]
        if r.random() < 0.4:
            body.append(self._one(self.extra[lang]))
        self._maybe_special(lang, body)
        lines = [
            join(body),
            Piece("", ""),
            r.choice(self.signoff[lang]),
            self.first_name_pieces[first_name],
        ]
        return join(lines, "\n")

    def note(self) -> Piece:
        r = self.r
        body = self._some(self.notes, 2 if r.random() < 0.3 else 1)
        self._maybe_special("nb", body, agent=True)
        return join(body)


def check_stemming(samples) -> None:
    """Fail loudly if the cached stemming ever differs from the app's own indexing text.
    `samples` are (subject, text, stemmed document) triples."""
    from vennlig.lib.stemming import stem_text
    from vennlig.search.index import document_text

    for subject, text, stemmed in samples:
        expected = stem_text(document_text(subject, text))
        if expected != stemmed:
            raise AssertionError(
                f"bench stemming differs from the app's:\n{expected!r}\n{stemmed!r}"
            )


def document_stem(subject: Piece | None, text: Piece) -> str:
    if subject is None or not subject.stem:
        return text.stem
    return f"{subject.stem} {text.stem}" if text.stem else subject.stem
