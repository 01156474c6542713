"""The chat provider against a fake OpenAI-compatible server on loopback that answers in the
published chat-completions wire format."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from vennlig.analysis.providers import BuiltInProvider, ChatProvider, get_provider


class FakeChat(BaseHTTPRequestHandler):
    answer = '{"emotion": "angry", "urgent": true}'
    status = 200
    seen: list = []

    def do_POST(self):  # noqa: N802 (the http.server name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeChat.seen.append((self.path, self.headers.get("Authorization"), body))
        payload = {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1,
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": FakeChat.answer},
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        }
        data = json.dumps(payload).encode()
        self.send_response(FakeChat.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_chat():
    server = HTTPServer(("127.0.0.1", 0), FakeChat)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeChat.seen, FakeChat.status = [], 200
    FakeChat.answer = '{"emotion": "angry", "urgent": true}'
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_chat_provider_sends_the_wire_format_and_uses_the_answer(fake_chat):
    provider = ChatProvider(fake_chat, "llama3", api_key="hemmelig")
    verdict = provider.classify("Hei, når åpner dere?")
    path, auth, body = FakeChat.seen[0]
    assert path == "/v1/chat/completions" and auth == "Bearer hemmelig"
    assert body["model"] == "llama3" and body["messages"][-1]["content"] == "Hei, når åpner dere?"
    assert body["messages"][0]["role"] == "system"
    assert (verdict.emotion, verdict.polarity, verdict.urgent) == ("angry", "negative", True)


@pytest.mark.parametrize(
    "status, answer",
    [(500, "{}"), (200, "not json"), (200, '{"emotion": "ecstatic", "urgent": 1}')],
)
def test_the_built_in_verdict_stands_when_the_endpoint_fails(fake_chat, status, answer):
    FakeChat.status, FakeChat.answer = status, answer
    text = "Tusen takk for god hjelp!"
    assert ChatProvider(fake_chat, "llama3").classify(text) == BuiltInProvider().classify(text)


def test_an_unreachable_endpoint_falls_back_quickly():
    provider = ChatProvider("http://127.0.0.1:9/v1", "llama3", timeout=0.5)
    assert provider.classify("Hei").emotion == BuiltInProvider().classify("Hei").emotion


def test_the_built_in_provider_is_the_default():
    assert isinstance(get_provider({}), BuiltInProvider)
    assert isinstance(get_provider({"provider": "chat"}), BuiltInProvider)  # not configured
    assert isinstance(
        get_provider({"provider": "chat", "url": "http://x/v1", "model": "m"}), ChatProvider
    )
