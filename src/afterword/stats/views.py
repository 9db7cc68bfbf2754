"""The Stats page: how the search is going, five charts each with its numbers in a table."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from afterword.site.pages import MemberRequest, member_view, user_zone
from afterword.stats import charts, figures


@member_view
@require_GET
def stats_page(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    histories = figures.load_history(request.user)
    zone = user_zone(request)
    weeks = [
        (moment.astimezone(zone).strftime("%d %b"), counts)
        for moment, counts in figures.stages_by_week(histories, now)
    ]
    replies = figures.interview_replies(histories, now)
    replied, held = figures.reply_share(replies)
    days = figures.reply_days(replies)
    thanks = figures.thank_you_timing(histories, now)
    sent, answered = figures.check_ins(histories)
    check_in_rows = [("Sent", sent), ("Answered", answered)]
    # The SVG is built from numbers and escaped labels only (charts.py), so it is safe markup.
    context = {
        "empty": not histories,
        "stages": figures.STAGES,
        "weeks": weeks,
        "stage_chart": mark_safe(charts.stacked_columns(weeks, figures.STAGES)),
        "replied": replied,
        "held": held,
        "reply_chart": mark_safe(charts.share_bar(replied, held)),
        "days": days,
        "days_chart": mark_safe(charts.bar_chart(days, charts.PALETTE[0])),
        "thanks": thanks,
        "thanks_chart": mark_safe(charts.bar_chart(thanks, charts.PALETTE[2])),
        "check_ins": check_in_rows,
        "check_in_chart": mark_safe(charts.bar_chart(check_in_rows, charts.PALETTE[1])),
    }
    return render(request, "stats/stats.html", context)
