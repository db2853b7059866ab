"""Downloads of published verdicts."""
import json

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse

from ..exports import claim_review, csv_lines
from ..selectors.verdicts import published_verdicts
from .access import export_required


@export_required
def verdicts_csv(request):
    response = StreamingHttpResponse(csv_lines(published_verdicts().iterator(chunk_size=500)), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="verdicts.csv"'
    return response


@export_required
def verdicts_claimreview(request):
    documents = [
        claim_review(
            verdict,
            review_url=request.build_absolute_uri(verdict.claim.get_absolute_url()),
            newsroom_name=settings.NEWSROOM_NAME,
            newsroom_url=settings.NEWSROOM_URL,
        )
        for verdict in published_verdicts()
    ]
    response = HttpResponse(json.dumps(documents, ensure_ascii=False, indent=1), content_type="application/ld+json")
    response["Content-Disposition"] = 'attachment; filename="claimreview.jsonld"'
    return response
