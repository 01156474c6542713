import io
import json

from django.core.management import call_command


def test_analyze_reads_json_lines_and_writes_one_verdict_each(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": 1, "text": "Fantastisk service, tredje gang jeg ringer!!"}\n'
        '{"id": "b", "text": "Thank you so much for the quick help!"}\n',
        encoding="utf-8",
    )
    call_command("analyze", str(source), "--json")
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == [1, "b"]
    assert set(lines[0]) >= {
        "id",
        "lang",
        "polarity",
        "sentiment",
        "emotion",
        "anger",
        "urgent",
        "evidence",
    }
    assert lines[0]["emotion"] in ("angry", "frustrated") and lines[1]["emotion"] == "positive"
    assert lines[1]["lang"] == "en"


def test_tone_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(
        "sys.stdin",
        io.StringIO(
            '{"id": 7, "reply": "You should have read the terms.", '
            '"customer_text": "My parcel never came!"}\n'
        ),
    )
    call_command("tone", "--json")
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line["id"] == 7 and line["lang"] == "en" and line["tone"] == "unkind"
    assert "blames_customer" in line["issues"]
    assert set(line) >= {"id", "lang", "tone", "kindness", "issues", "suggestions"}
