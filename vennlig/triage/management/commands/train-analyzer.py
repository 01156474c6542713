import json
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from vennlig.analysis.build import build, measure, score
from vennlig.analysis.model import MODEL_FILE, load_model
from vennlig.triage.models import Correction


class Command(BaseCommand):
    help = (
        "Retrain the analyser from the shipped corpus plus this installation's corrections; "
        "switch to it only when it is better on the held-out part."
    )

    def handle(self, *args, **options):
        installed = Path(settings.DATA_DIR) / "analyzer.npz"
        current = installed if installed.exists() else MODEL_FILE
        corrections = [
            {
                "id": f"correction-{c.pk}",
                "text": c.message.text,
                "lang": c.language,
                "emotion": c.emotion,
                "polarity": c.polarity,
                "urgent": c.urgent,
            }
            for c in Correction.objects.select_related("message").order_by("id")
        ]
        self.stdout.write(f"Training on the corpus plus {len(corrections)} corrections ...")
        before = measure(current)
        with tempfile.TemporaryDirectory() as folder:
            candidate = Path(folder) / "analyzer.npz"
            after = build(candidate, extra_customers=corrections)["heldout"]
            rows = [
                (
                    "upset F1",
                    before["customers"]["all"]["upset_f1"],
                    after["customers"]["all"]["upset_f1"],
                ),
                (
                    "emotion macro-F1",
                    before["customers"]["all"]["emotion_macro_f1"],
                    after["customers"]["all"]["emotion_macro_f1"],
                ),
                (
                    "urgent F1",
                    before["customers"]["all"]["urgent_f1"],
                    after["customers"]["all"]["urgent_f1"],
                ),
                (
                    "unkind F1",
                    before["replies"].get("all", {}).get("unkind_f1"),
                    after["replies"].get("all", {}).get("unkind_f1"),
                ),
            ]
            self.stdout.write(f"{'held-out figure':<18} {'before':>8} {'after':>8}")
            for name, old, new in rows:
                self.stdout.write(f"{name:<18} {old!s:>8} {new!s:>8}")
            if score(after) > score(before):
                shutil.copyfile(candidate, installed)
                load_model.cache_clear()
                self.stdout.write(f"Better: switched to the new model ({installed}).")
            else:
                self.stdout.write("Not better: kept the current model.")
        self.stdout.write(json.dumps({"before": score(before), "after": score(after)}))
