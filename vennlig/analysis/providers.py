"""Analysis providers behind one small protocol. The built-in one (offline, the default)
always answers; an optional OpenAI-compatible chat endpoint (such as a local Ollama) may refine
the emotion verdict, and the built-in answer stands whenever it fails or is slow."""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from typing import Protocol

from vennlig.analysis.emotion import EMOTIONS, Emotion, classify, polarity_for
from vennlig.analysis.tone import ToneCheck, check_reply


class Provider(Protocol):
    name: str

    def classify(self, text: str, lang: str | None = None) -> Emotion: ...

    def check_reply(
        self, reply: str, lang: str | None = None, customer_text: str | None = None
    ) -> ToneCheck: ...


class BuiltInProvider:
    name = "builtin"

    def classify(self, text, lang=None):
        return classify(text, lang)

    def check_reply(self, reply, lang=None, customer_text=None):
        return check_reply(reply, lang, customer_text)


_PROMPT = (
    "You label customer-service messages written to a Norwegian company. Answer with one JSON "
    'object only: {"emotion": "angry"|"frustrated"|"neutral"|"positive", "urgent": true|false}. '
    "Angry means hostile; frustrated means annoyed but not hostile; urgent means time pressure "
    "or a serious consequence (no power, travel soon, locked out, payment due, legal threat, "
    "threat to go public, health)."
)


@dataclass
class ChatProvider:
    """An OpenAI-compatible chat-completions endpoint, e.g. http://127.0.0.1:11434/v1."""

    base_url: str
    model: str
    api_key: str = ""
    timeout: float = 5.0
    name: str = "chat"

    def _ask(self, text: str) -> dict:
        body = json.dumps(
            {
                "model": self.model,
                "temperature": 0,
                "messages": [
                    {"role": "system", "content": _PROMPT},
                    {"role": "user", "content": text[:4000]},
                ],
            }
        ).encode()
        request = urllib.request.Request(
            self.base_url.rstrip("/") + "/chat/completions",
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                **({"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}),
            },
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            payload = json.loads(response.read())
        content = payload["choices"][0]["message"]["content"].strip()
        if content.startswith("```"):
            content = content.strip("`").removeprefix("json").strip()
        answer = json.loads(content)
        if answer.get("emotion") not in EMOTIONS or not isinstance(answer.get("urgent"), bool):
            raise ValueError(f"unexpected answer: {content[:200]}")
        return answer

    def classify(self, text, lang=None):
        verdict = classify(text, lang)
        try:
            answer = self._ask(text)
        except (OSError, urllib.error.URLError, ValueError, KeyError, IndexError, TypeError):
            return verdict  # the built-in verdict stands
        polarity = polarity_for(answer["emotion"], verdict.polarity)
        reasons = verdict.urgent_reasons or (("other",) if answer["urgent"] else ())
        return replace(
            verdict,
            emotion=answer["emotion"],
            polarity=polarity,
            urgent=answer["urgent"],
            urgent_reasons=reasons if answer["urgent"] else (),
        )

    def check_reply(self, reply, lang=None, customer_text=None):
        return check_reply(reply, lang, customer_text)


def get_provider(config: dict) -> Provider:
    """`config` holds "provider" ("builtin" or "chat") and, for chat, "url", "model", "key"."""
    if config.get("provider") == "chat" and config.get("url") and config.get("model"):
        return ChatProvider(
            config["url"], config["model"], config.get("key", ""), float(config.get("timeout", 5.0))
        )
    return BuiltInProvider()
