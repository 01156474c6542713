from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    LEAD = "lead", _("Team lead")
    AGENT = "agent", _("Agent")


class Agent(models.Model):
    """The desk's view of a Django user: role, teams and language."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agent"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.AGENT)
    teams = models.ManyToManyField(Team, related_name="agents", blank=True, verbose_name=_("teams"))
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="nb"
    )

    class Meta:
        verbose_name = _("agent")
        verbose_name_plural = _("agents")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def sees_all_teams(self) -> bool:
        return self.role in (Role.ADMIN, Role.LEAD)

    @property
    def manages_people(self) -> bool:
        return self.role in (Role.ADMIN, Role.LEAD)


class LoginFailure(models.Model):
    """One failed login; recent rows throttle further attempts per account and per address."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, db_index=True)
    failed_at = models.DateTimeField(auto_now_add=True, db_index=True)
