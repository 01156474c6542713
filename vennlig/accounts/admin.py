from django.contrib import admin

from vennlig.accounts.models import Agent, LoginFailure, Team


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "language"]
    list_filter = ["role", "teams"]
    filter_horizontal = ["teams"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    list_display = ["username", "address", "failed_at"]
    readonly_fields = ["username", "address", "failed_at"]
