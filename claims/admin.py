"""The Django admin: where admins keep the registry of sources, outlets, topics and users."""
from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import Count
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from .input_rules import record_number

from .models import (
    ApiToken, Article, Claim, ClaimCluster, Evidence, Feed, ImportJob, MatchRejection, Narrative, NarrativeDebunk,
    NarrativeExample, NarrativeMatch, NarrativeRejection, Outlet, Side, Source, Topic, Verdict,
)
from .selectors.verdicts import is_published
from .services.disputes import article_locked, refresh_disputes
from .services.matching import partners_of, publication_changed, refresh_matches, speaker_corrected
from .services.narrative_matching import refresh_narrative_marks


class HistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin, with its history pages read by the workbench's rule for
    record numbers: it filters by the id from the URL as sent, so "/abc/history/" was a
    ValueError and a 500 (django-simple-history issue 1108, open). Django's own change and
    delete pages already answer such an id with "does not exist"."""

    def history_view(self, request, object_id, extra_context=None):
        _require_record_number(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        _require_record_number(object_id, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


def _require_record_number(*values) -> None:
    if any(record_number(unquote(value)) is None for value in values):
        raise Http404("No such record.")


class SideInline(admin.TabularInline):
    model = Side
    extra = 1


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "loaded_terms"]
    search_fields = ["name"]
    inlines = [SideInline]


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["name", "kind", "side", "reliability", "aliases"]
    list_filter = ["kind", "reliability", "side__topic", "side"]
    search_fields = ["name", "aliases", "notes"]
    list_select_related = ["side"]


class FeedInline(admin.TabularInline):
    model = Feed
    extra = 1
    fields = ["url", "topic", "active", "last_checked_at", "last_ok_at", "last_error"]
    readonly_fields = ["last_checked_at", "last_ok_at", "last_error"]


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "reliability"]
    list_filter = ["reliability"]
    search_fields = ["name", "domain"]
    inlines = [FeedInline]

    def save_formset(self, request, form, formset, change):
        # Imports from a feed run in the name of whoever added it.
        for feed in formset.save(commit=False):
            if not feed.added_by_id:
                feed.added_by = request.user
            feed.save()
        for feed in formset.deleted_objects:
            feed.delete()


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "topic", "state", "imported_by", "imported_at"]
    list_filter = ["state", "topic", "outlet"]
    search_fields = ["title", "url"]
    list_select_related = ["outlet", "topic", "imported_by"]
    readonly_fields = ["raw_input", "content_hash", "imported_by", "imported_at", "processed_at"]
    date_hierarchy = "imported_at"


@admin.register(Claim)
class ClaimAdmin(HistoryAdmin):
    list_display = ["short_text", "speaker", "source", "side", "state", "check_worthiness", "assignee"]
    list_filter = ["state", "kind", "side"]
    search_fields = ["text", "speaker"]
    list_select_related = ["source", "side", "assignee"]
    raw_id_fields = ["article", "source", "assignee", "cluster"]
    # Kept by the matching services from the stored matches (services.matching,
    # services.narrative_matching); a hand edit here would only make the queue's filters lie.
    readonly_fields = ["matches_published", "repeats_narrative"]

    def save_model(self, request, obj, form, change):
        partners = partners_of([obj.pk]) if change else set()  # before its words may part them
        who_changed = change and bool({"speaker", "side"} & set(form.changed_data))
        if who_changed:
            article_locked(obj.article_id)  # before the claim's row, in the split's order
        super().save_model(request, obj, form, change)
        if change and "text" in form.changed_data:
            # Corrected words are another claim to the matcher (as after a split or a merge).
            refresh_matches([obj])
        elif who_changed:
            # Another speaker is another actor of a claim that says "we" or "it" (as on the claim page).
            speaker_corrected([obj])
        if who_changed:
            # And another reading of the article's disputes (as on the claim page).
            refresh_disputes(obj.article_id)
        # A repair of the state publishes or unpublishes the claim outside the workflow; one of
        # its words pairs it with other claims: the "matches a published verdict" marks of all
        # of them (former partners too) follow, as they do after publishing.
        publication_changed({obj.pk} | partners)

    @admin.display(description="claim")
    def short_text(self, claim):
        return claim.text[:100]


class ClusterMemberInline(admin.TabularInline):
    """The claims linked as one; read only, because linking and unlinking are recorded by
    claims.services.clusters from the claim page, not edited here."""

    model = Claim
    fk_name = "cluster"
    fields = ["text", "speaker", "article", "state"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ClaimCluster)
class ClaimClusterAdmin(HistoryAdmin):
    list_display = ["__str__", "members", "created_by", "created_at"]
    list_select_related = ["created_by"]
    readonly_fields = ["created_by", "created_at"]
    date_hierarchy = "created_at"
    inlines = [ClusterMemberInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description="claims", ordering="member_count")
    def members(self, cluster):
        return cluster.member_count

    def has_add_permission(self, request):
        return False  # a cluster is made by linking two claims on the claim page


@admin.register(Verdict)
class VerdictAdmin(HistoryAdmin):
    list_display = ["claim", "rating", "reviewer", "approver", "published_at"]
    list_filter = ["rating"]
    search_fields = ["claim__text", "rationale"]
    list_select_related = ["claim", "reviewer", "approver"]
    raw_id_fields = ["claim"]

    def save_model(self, request, obj, form, change):
        # A repair of the publication date (or of the claim the verdict is on) publishes or
        # unpublishes a claim outside the workflow: the marks of both claims' partners follow.
        before = Verdict.objects.filter(pk=obj.pk).values_list("claim_id", flat=True).first() if change else None
        super().save_model(request, obj, form, change)
        publication_changed({obj.claim_id, before} - {None})


@admin.register(Evidence)
class EvidenceAdmin(HistoryAdmin):
    list_display = ["__str__", "stance", "claim", "added_by", "added_at"]
    list_filter = ["stance"]
    search_fields = ["url", "excerpt", "note"]
    list_select_related = ["claim", "added_by"]
    raw_id_fields = ["claim"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created with `manage.py create_api_token` (shown once); here they are listed and revoked."""

    list_display = ["name", "prefix", "user", "created_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = ["prefix", "user", "created_at", "last_used_at"]
    fields = ["name", "prefix", "user", "created_at", "last_used_at", "revoked"]

    def has_add_permission(self, request):
        return False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["label", "channel", "created_by", "created_at"]
    list_filter = ["channel"]
    search_fields = ["label"]
    list_select_related = ["created_by"]


# --- Known narratives: editors record them on the workbench's pages; the admin is for admins' repairs.
class NarrativeExampleInline(admin.TabularInline):
    model = NarrativeExample
    extra = 0
    fields = ["text", "claim", "added_by", "added_at"]
    readonly_fields = ["text", "claim", "added_by", "added_at"]  # the signature is written with the text, by the service
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


class NarrativeDebunkForm(forms.ModelForm):
    class Meta:
        model = NarrativeDebunk
        fields = ["verdict"]

    def clean_verdict(self):
        verdict = self.cleaned_data["verdict"]
        if not is_published(verdict):
            raise forms.ValidationError("Only a published verdict can debunk a narrative.")
        return verdict


class NarrativeDebunkInline(admin.TabularInline):
    model = NarrativeDebunk
    form = NarrativeDebunkForm
    extra = 0
    raw_id_fields = ["verdict"]


@admin.register(Narrative)
class NarrativeAdmin(HistoryAdmin):
    list_display = ["name", "topic", "recorded_by", "recorded_at", "archived_at"]
    list_filter = ["topic", ("archived_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "summary"]
    list_select_related = ["topic", "recorded_by"]
    fields = ["name", "summary", "topic", "archived_at", "recorded_by", "recorded_at"]
    readonly_fields = ["recorded_by", "recorded_at"]
    inlines = [NarrativeExampleInline, NarrativeDebunkInline]

    def save_model(self, request, obj, form, change):
        if not obj.recorded_by_id:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)

    # A repair here can archive or restore the narrative: the queue's "Known narrative" flags of
    # its claims (Claim.repeats_narrative) follow, as they do after the editors' services. (Its
    # examples removed here, or the narrative deleted, are followed wherever they are deleted:
    # services.deletions.) The claims are read before the change.
    def save_related(self, request, form, formsets, change):
        matched = _matched_claims(Narrative.objects.filter(pk=form.instance.pk))
        super().save_related(request, form, formsets, change)
        refresh_narrative_marks(matched)

    def save_formset(self, request, form, formset, change):
        for debunk in formset.save(commit=False):
            if not debunk.added_by_id:
                debunk.added_by = request.user
            debunk.save()
        for gone in formset.deleted_objects:
            gone.delete()


def _matched_claims(narratives) -> set[int]:
    return set(NarrativeMatch.objects.filter(narrative__in=narratives).values_list("claim_id", flat=True))


class TurnedDownAdmin(HistoryAdmin):
    """Suggestions reviewers turned down, read only: a suggestion is turned down and restored on
    the claim page (services.rejections), which also asks the matcher again and keeps the marks;
    a row edited or deleted here would do neither."""

    list_select_related = ["rejected_by"]
    date_hierarchy = "rejected_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MatchRejection)
class MatchRejectionAdmin(TurnedDownAdmin):
    list_display = ["first_text", "second_text", "reason", "rejected_by", "rejected_at"]
    search_fields = ["first_text", "second_text", "reason"]


@admin.register(NarrativeRejection)
class NarrativeRejectionAdmin(TurnedDownAdmin):
    list_display = ["claim_text", "narrative", "reason", "rejected_by", "rejected_at"]
    list_select_related = ["rejected_by", "narrative"]
    search_fields = ["claim_text", "reason"]
