from django.contrib import admin

from vennlig.intake.models import Intake


@admin.register(Intake)
class IntakeAdmin(admin.ModelAdmin):
    list_display = ["id", "channel", "inbox", "state", "received_at", "reason"]
    list_filter = ["state", "channel"]
    readonly_fields = [f.name for f in Intake._meta.fields]
