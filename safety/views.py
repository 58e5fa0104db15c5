"""The crisis protocol, published (California SB 243 asks operators to publish it): public, with
no login, as HTML for people and as JSON for everyone else (`?format=json`)."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from safety.disclosure import AI_DISCLOSURE, DISCLOSURE_INTERVAL, MINOR_DISCLOSURE_INTERVAL, MINORS_NOTICE
from safety.referral import _table, resources_reviewed_on

CATEGORIES = {
    "suicide": "thoughts of suicide, plans, goodbyes, wishing not to wake up",
    "self_harm": "cutting, burning, scratching, hitting oneself",
    "method_seeking": "questions about lethal means, doses or painless ways to die",
    "eating_disorder": "starving, purging, fainting from not eating",
}


def protocol() -> dict:
    table = _table()
    return {
        "version": 2,
        "detection": (
            "Every message a user sends is screened on Hearth's own servers before the language model "
            "sees it: a phrase screen and a learned classifier, reading the message with the user's "
            "last few messages, in English, Spanish, Portuguese, French and German. It works when "
            "the language model is down."
        ),
        "categories": CATEGORIES,
        "response": [
            "A fixed referral is shown at once, before any reply: written by people, never by the model, "
            "naming a free crisis service of the user's country and the emergency number.",
            "The partner is instructed to answer with warmth, to encourage calling that line or "
            "someone the user trusts, never to describe methods, means or doses, and to say it is an AI.",
            "Everything the model writes passes an output screen: a reply that turns toward "
            "self-harm instructions or encouragement is stopped before any of it is sent, and the "
            "referral is shown.",
            "A message screened as a crisis is never turned into a memory or a follow-up.",
        ],
        "not_human": {
            "text": AI_DISCLOSURE,
            "every_hours": DISCLOSURE_INTERVAL // 3600,
            "every_hours_for_minors": MINOR_DISCLOSURE_INTERVAL // 3600,
        },
        "minors": MINORS_NOTICE,
        "records": "Only a daily count per country, language and category: no user, no message.",
        "default_country": settings.CRISIS_DEFAULT_COUNTRY,
        "resources_reviewed_on": resources_reviewed_on(),
        "resources": table["countries"],
    }


@require_GET
@cache_control(public=True, max_age=3600)
def protocol_page(request):
    data = protocol()
    if request.GET.get("format") == "json":
        return JsonResponse(data)
    return render(request, "safety/protocol.html", {"protocol": data})
