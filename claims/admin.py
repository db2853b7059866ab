"""The Django admin: where admins keep the registry of sources, outlets, topics and users."""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, Claim, Evidence, Outlet, Side, Source, Topic, Verdict


class SideInline(admin.TabularInline):
    model = Side
    extra = 1


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "loaded_terms"]
    search_fields = ["name"]
    inlines = [SideInline]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "side", "reliability", "aliases"]
    list_filter = ["kind", "reliability", "side__topic", "side"]
    search_fields = ["name", "aliases", "notes"]
    list_select_related = ["side"]


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "reliability"]
    list_filter = ["reliability"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "topic", "state", "imported_by", "imported_at"]
    list_filter = ["state", "topic", "outlet"]
    search_fields = ["title", "url"]
    list_select_related = ["outlet", "topic", "imported_by"]
    readonly_fields = ["raw_input", "content_hash", "imported_by", "imported_at", "processed_at"]
    date_hierarchy = "imported_at"


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["short_text", "speaker", "source", "side", "state", "check_worthiness", "assignee"]
    list_filter = ["state", "kind", "side"]
    search_fields = ["text", "speaker"]
    list_select_related = ["source", "side", "assignee"]
    raw_id_fields = ["article", "source", "assignee"]

    @admin.display(description="claim")
    def short_text(self, claim):
        return claim.text[:100]


@admin.register(Verdict)
class VerdictAdmin(SimpleHistoryAdmin):
    list_display = ["claim", "rating", "reviewer", "approver", "published_at"]
    list_filter = ["rating"]
    search_fields = ["claim__text", "rationale"]
    list_select_related = ["claim", "reviewer", "approver"]
    raw_id_fields = ["claim"]


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "stance", "claim", "added_by", "added_at"]
    list_filter = ["stance"]
    search_fields = ["url", "excerpt", "note"]
    list_select_related = ["claim", "added_by"]
    raw_id_fields = ["claim"]
