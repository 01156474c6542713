"""check_reply(reply, lang=None, customer_text=None): is the agent's draft kind, and how could
it be kinder? Each issue carries the span it is about and a concrete kinder phrasing in the
reply's own language."""

import re
from dataclasses import dataclass

from vennlig.analysis.features import featurize
from vennlig.analysis.language import language
from vennlig.analysis.lexicon import JARGON
from vennlig.analysis.matching import WordList, joined_tokens, word_list
from vennlig.analysis.model import load_model
from vennlig.analysis.signals import find_signals, lexicon_lang
from vennlig.analysis.text import caps_words, clean, tokens

ISSUES = (
    "blames_customer",
    "dismissive",
    "curt",
    "no_acknowledgement",
    "no_apology_to_complaint",
    "sarcastic",
    "rude_words",
    "shouting",
    "jargon",
    "no_next_step",
    "no_greeting",
)
SEVERE = {"blames_customer", "dismissive", "sarcastic", "rude_words", "shouting"}
PENALTY = {
    "blames_customer": 30,
    "dismissive": 25,
    "sarcastic": 30,
    "rude_words": 35,
    "shouting": 20,
    "curt": 15,
    "no_acknowledgement": 12,
    "no_apology_to_complaint": 12,
    "no_next_step": 10,
    "jargon": 6,
    "no_greeting": 5,
}

SUGGESTIONS = {
    "blames_customer": {
        "nb": "Skriv om det som skjedde, ikke om hva kunden gjorde feil: «Jeg ser at det har "
        "blitt feil her, og jeg hjelper deg gjerne å rette det opp.»",
        "nn": "Skriv om det som skjedde, ikkje om kva kunden gjorde feil: «Eg ser at det har "
        "blitt feil her, og eg hjelper deg gjerne å rette det opp.»",
        "en": 'Describe what happened rather than what the customer did wrong: "I can see '
        "something went wrong here, and I'm happy to help you put it right.\"",
    },
    "dismissive": {
        "nb": "Vis hva som er mulig: «Det kan jeg dessverre ikke endre, men dette kan jeg "
        "gjøre for deg: …»",
        "nn": "Vis kva som er mogleg: «Det kan eg dessverre ikkje endre, men dette kan eg "
        "gjere for deg: …»",
        "en": "Show what is possible: \"I'm afraid I can't change that, but here is what I "
        'can do for you: …"',
    },
    "curt": {
        "nb": "Legg til en setning som viser at du har lest henvendelsen, og hva som skjer videre.",
        "nn": "Legg til ei setning som viser at du har lese meldinga, og kva som skjer vidare.",
        "en": "Add a sentence that shows you read their message, and what happens next.",
    },
    "no_acknowledgement": {
        "nb": "Start med å vise at du forstår: «Takk for at du sier fra – jeg forstår at dette "
        "er irriterende.»",
        "nn": "Start med å vise at du forstår: «Takk for at du seier ifrå – eg forstår at "
        "dette er irriterande.»",
        "en": 'Start by showing you understand: "Thank you for letting us know – I understand '
        'how frustrating this is."',
    },
    "no_apology_to_complaint": {
        "nb": "Si unnskyld for opplevelsen: «Jeg beklager at du har hatt så mye bry med dette.»",
        "nn": "Sei orsak for opplevinga: «Eg beklagar at du har hatt så mykje bry med dette.»",
        "en": "Apologise for the experience: \"I'm sorry you've had so much trouble with this.\"",
    },
    "sarcastic": {
        "nb": "Skriv det rett fram og vennlig: «Her er informasjonen du trenger: …»",
        "nn": "Skriv det rett fram og venleg: «Her er informasjonen du treng: …»",
        "en": 'Say it plainly and kindly: "Here is the information you need: …"',
    },
    "rude_words": {
        "nb": "Bytt ut ordet med en nøytral beskrivelse av saken.",
        "nn": "Byt ut ordet med ei nøytral skildring av saka.",
        "en": "Replace the word with a neutral description of the matter.",
    },
    "shouting": {
        "nb": "Skriv med vanlige bokstaver; store bokstaver leses som roping.",
        "nn": "Skriv med vanlege bokstavar; store bokstavar blir lesne som roping.",
        "en": "Use normal letters; capitals read as shouting.",
    },
    "jargon": {
        "nb": "Forklar med hverdagsord hva som skjer, for eksempel «saken er sendt videre til "
        "teknikerne våre».",
        "nn": "Forklar med kvardagsord kva som skjer, til dømes «saka er send vidare til "
        "teknikarane våre».",
        "en": 'Explain in everyday words, for example "I\'ve passed your case to our technicians".',
    },
    "no_next_step": {
        "nb": "Fortell hva som skjer nå: «Jeg sender deg en oppdatering innen fredag.»",
        "nn": "Fortel kva som skjer no: «Eg sender deg ei oppdatering innan fredag.»",
        "en": 'Say what happens next: "I\'ll send you an update by Friday."',
    },
    "no_greeting": {
        "nb": "Start med en hilsen og kundens navn: «Hei Kari,»",
        "nn": "Start med ei helsing og namnet til kunden: «Hei Kari,»",
        "en": 'Start with a greeting and the customer\'s name: "Hi Kari,"',
    },
}

_JARGON = WordList(JARGON)


@dataclass(frozen=True)
class ToneIssue:
    code: str
    start: int
    end: int
    text: str
    suggestion: str


@dataclass(frozen=True)
class ToneCheck:
    language: str
    tone: str  # kind, neutral, unkind
    kindness: int  # 0 .. 100
    issues: tuple[ToneIssue, ...]

    @property
    def issue_codes(self) -> list[str]:
        return [issue.code for issue in self.issues]

    def as_dict(self) -> dict:
        return {
            "lang": self.language,
            "tone": self.tone,
            "kindness": self.kindness,
            "issues": self.issue_codes,
            "suggestions": [
                {
                    "issue": i.code,
                    "span": [i.start, i.end],
                    "text": i.text,
                    "suggestion": i.suggestion,
                }
                for i in self.issues
            ],
        }


def _customer_complains(customer_text: str | None, lang: str) -> bool:
    if not customer_text:
        return False
    from vennlig.analysis.emotion import classify

    verdict = classify(customer_text, None)
    return verdict.polarity == "negative" or verdict.emotion in ("angry", "frustrated")


def find_issues(reply: str, lang: str, customer_text: str | None = None):
    """The rule-based issues of a cleaned reply, in the fixed order of ISSUES."""
    found: dict[str, ToneIssue] = {}

    def add(code: str, start: int = 0, end: int = 0) -> None:
        if code not in found:
            found[code] = ToneIssue(code, start, end, reply[start:end], SUGGESTIONS[code][lang])

    toks = tokens(reply)
    joined = joined_tokens(toks)
    for category, code in (
        ("BLAME", "blames_customer"),
        ("DISMISSAL", "dismissive"),
        ("SARCASM_REPLY", "sarcastic"),
        ("RUDE", "rude_words"),
    ):
        for hit in word_list(f"{category}:{lang}").find(reply, toks, joined):
            add(code, hit.start, hit.end)
    for hit in _JARGON.find(reply, toks, joined):
        add("jargon", hit.start, hit.end)
    shouted = caps_words(reply)
    bangs = re.search(r"!{2,}", reply)
    if len(shouted) >= 2 or any(e - s >= 5 for s, e in shouted) or bangs:
        add("shouting", *(shouted[0] if shouted else bangs.span()))
    greeting = word_list(f"GREETING:{lang}")
    first_words = toks[:3]
    if (
        toks
        and not any(greeting.word_weight(t) is not None for t, _s, _e in first_words)
        and not greeting.find(" ".join(t for t, _s, _e in first_words))
    ):
        add("no_greeting", toks[0][1], toks[min(2, len(toks) - 1)][2])
    acknowledged = bool(word_list(f"ACKNOWLEDGEMENT:{lang}").find(reply, toks, joined))
    apologised = bool(word_list(f"APOLOGY:{lang}").find(reply, toks, joined))
    next_step = bool(word_list(f"NEXT_STEP:{lang}").find(reply, toks, joined))
    if len(toks) < 8 and not acknowledged:
        add("curt", 0, len(reply))
    complaint = _customer_complains(customer_text, lang)
    if complaint and not acknowledged and not apologised:
        add("no_acknowledgement", 0, min(len(reply), 60))
    if complaint and not apologised:
        add("no_apology_to_complaint", 0, min(len(reply), 60))
    if not next_step and toks:
        add("no_next_step", max(0, len(reply) - 60), len(reply))
    return tuple(found[code] for code in ISSUES if code in found)


def check_reply(reply: str, lang: str | None = None, customer_text: str | None = None):
    reply = clean(reply or "")
    lang = lexicon_lang(lang or language(reply).code)
    issues = find_issues(reply, lang, customer_text)
    score = 100 - sum(PENALTY[i.code] for i in issues)
    unkind_p = None
    model = load_model()
    if model is not None and "tone" in model.heads and reply.strip():
        indices, values = tone_features(reply, lang, issues)
        probabilities = model.heads["tone"].probabilities(indices, values)
        unkind_p = probabilities["unkind"]
        score = round(0.5 * score + 50 * (probabilities["kind"] + 0.5 * probabilities["neutral"]))
    score = max(0, min(100, score))
    codes = {i.code for i in issues}
    if codes & SEVERE or (unkind_p is not None and unkind_p >= 0.5):
        tone = "unkind"
        score = min(score, 45)
    elif score >= 75 and not codes & {"curt", "no_acknowledgement"}:
        tone = "kind"
    else:
        tone = "neutral"
    return ToneCheck(lang, tone, int(score), issues)


def tone_features(reply: str, lang: str, issues) -> tuple[list[int], list[float]]:
    """The tone head's input: the text features plus one flag per rule-based issue."""
    from vennlig.analysis.features import SIZE

    indices, values = featurize(reply, find_signals(reply, lang))
    for issue in issues:
        indices.append(SIZE + ISSUES.index(issue.code))
        values.append(1.0)
    return indices, values
