"""Import jobs: starting one from links, files or a spreadsheet, and following its progress."""
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..forms import FileImportForm, LinkImportForm, SpreadsheetImportForm
from ..models import Feed, ImportItem, ImportJob, ItemState
from ..services import imports
from .access import editor_required

FORMS = {"links": LinkImportForm, "files": FileImportForm, "spreadsheet": SpreadsheetImportForm}


@editor_required
def import_list(request):
    jobs = (
        ImportJob.objects.select_related("created_by", "topic")
        .annotate(
            total=Count("items"),
            done=Count("items", filter=Q(items__state=ItemState.DONE)),
            failed=Count("items", filter=Q(items__state=ItemState.FAILED)),
        )
        .order_by("-created_at", "-id")[:100]
    )
    feeds = Feed.objects.select_related("outlet").order_by("outlet__name", "url")
    return render(request, "claims/import_list.html", {"jobs": jobs, "feeds": feeds})


@editor_required
def import_new(request):
    channel = request.POST.get("channel", "")
    forms = {name: form_class(prefix=name) for name, form_class in FORMS.items()}
    if request.method != "POST":
        return render(request, "claims/import_new.html", {"forms": forms})
    if channel not in FORMS:
        messages.error(request, "Choose links, files or a spreadsheet.")
        return render(request, "claims/import_new.html", {"forms": forms}, status=400)
    form = FORMS[channel](request.POST, request.FILES, prefix=channel)
    forms[channel] = form
    if form.is_valid():
        try:
            job = _start(request, channel, form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Import started. Articles appear below as they are read.")
            return redirect(job)
    return render(request, "claims/import_new.html", {"forms": forms, "active": channel}, status=400)


def _start(request, channel, data):
    user, topic = request.user, data.get("topic")
    if channel == "links":
        return imports.import_links(urls=data["urls"], user=user, topic=topic)
    if channel == "files":
        files = []
        for upload in data["files"]:
            if upload.size > settings.MAX_UPLOAD_BYTES:
                raise ValidationError(f"{upload.name} is larger than {settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
            files.append((upload.name, upload.read()))
        return imports.import_files(files=files, user=user, topic=topic)
    upload = data["spreadsheet"]
    return imports.import_spreadsheet(filename=upload.name, data=upload.read(), user=user, topic=topic)


@editor_required
def import_job(request, pk):
    job = get_object_or_404(ImportJob.objects.select_related("created_by", "topic"), pk=pk)
    context = {"job": job, "progress": imports.job_progress(job)}
    if request.htmx:
        return render(request, "claims/import_job.html#progress", context)
    context["items"] = job.items.select_related("article").defer("data", "text")
    return render(request, "claims/import_job.html", context)


@require_POST
@editor_required
def import_item_retry(request, pk):
    item = get_object_or_404(ImportItem.objects.select_related("job"), pk=pk)
    try:
        imports.retry_item(item=item, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(item.job)
    messages.info(request, f"Item {item.position} queued again.")
    return redirect(item.job)
