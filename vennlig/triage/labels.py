"""What the analyser's codes are called in the agent's language."""

from django.utils.translation import gettext_lazy as _

EMOTIONS = {
    "angry": _("angry"),
    "frustrated": _("frustrated"),
    "neutral": _("calm"),
    "positive": _("happy"),
}
URGENT_REASONS = {
    "no_power": _("no power"),
    "travel": _("travel soon"),
    "locked_out": _("locked out"),
    "payment_due": _("payment due"),
    "legal_threat": _("legal threat"),
    "public_threat": _("may go public"),
    "health": _("health"),
    "deadline": _("deadline"),
    "other": _("time pressure"),
}
SIGNALS = {
    "anger": _("anger"),
    "frustration": _("frustration"),
    "praise": _("praise"),
    "negated_praise": _("negated praise"),
    "profanity": _("swearing"),
    "shouting": _("capitals"),
    "sarcasm": _("sarcasm"),
    "punctuation": _("punctuation"),
}
ISSUES = {
    "blames_customer": _("Blames the customer"),
    "dismissive": _("Dismissive"),
    "curt": _("Curt"),
    "no_acknowledgement": _("Does not acknowledge the customer"),
    "no_apology_to_complaint": _("No apology for the complaint"),
    "sarcastic": _("Sarcastic"),
    "rude_words": _("Rude words"),
    "shouting": _("Shouting"),
    "jargon": _("Jargon"),
    "no_next_step": _("No next step"),
    "no_greeting": _("No greeting"),
}
LANGUAGES = {"nb": "bokmål", "nn": "nynorsk", "en": "English", "da": "dansk", "sv": "svenska"}


def signal_label(code: str) -> str:
    if code.startswith("urgency:"):
        return str(URGENT_REASONS.get(code.split(":", 1)[1], code))
    return str(SIGNALS.get(code, code))
