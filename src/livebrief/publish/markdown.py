"""The briefing as Markdown, in the form of a hand-made live briefing."""

from __future__ import annotations

import re

from livebrief.model import Briefing
from livebrief.publish.format import ap_datetime
from livebrief.publish.view import AnalysisView, BriefingView, BulletView, DayView, build_view

_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_URL_UNSAFE = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"})


def md_escape(text: str) -> str:
    """Text with Markdown's inline markup characters escaped."""
    text = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^([#+-]|\d+\.)(\s)", r"\\\1\2", text)


def md_link(label: str, href: str | None) -> str:
    if not href:
        return md_escape(label)
    return f"[{md_escape(label)}]({href.translate(_URL_UNSAFE)})"


def to_markdown(briefing: Briefing, *, view: BriefingView | None = None) -> str:
    """Title and latest date, standfirst, then each day newest first with its analysis."""
    view = view or build_view(briefing)
    title = md_escape(view.title)
    lines = [f"# {title} | {view.latest.label}" if view.latest else f"# {title}", ""]
    if view.updated:
        lines += [f"_Updated {ap_datetime(view.updated)}_", ""]
    if view.standfirst:
        lines += [md_escape(view.standfirst), ""]
    for i, day in enumerate(view.days):
        lines += _day(day, latest=i == 0, base_url=view.base_url)
    if not view.days:
        lines += ["_No updates have been published yet._", ""]
    lines.append("---")
    lines.append("")
    lines.append("Built with livebrief.")
    if view.story.description:
        lines += ["", md_escape(view.story.description)]
    return "\n".join(lines).rstrip() + "\n"


def _day(day: DayView, *, latest: bool, base_url: str) -> list[str]:
    heading = f"{day.label}: what you need to know today" if latest else day.label
    lines = [f"## {heading}", ""]
    lines += [_bullet(b, base_url) for b in day.bullets]
    if day.bullets:
        lines.append("")
    if day.reporting_line:
        lines += [md_escape(day.reporting_line), ""]
    if day.analysis:
        lines += [f"### {day.label}: Analysis", ""]
        for item in day.analysis:
            lines += _analysis(item)
    return lines


def _bullet(bullet: BulletView, base_url: str) -> str:
    line = f"- {md_escape(bullet.text)}"
    if bullet.sources:
        line += " (" + ", ".join(md_link(s.label, s.href) for s in bullet.sources) + ")"
    if bullet.show_updated:
        when = f" {bullet.updated_label}" if bullet.updated_label else ""
        line += f" _Updated{when}_"
    if bullet.earlier:
        label = f"Earlier: {bullet.earlier.label}"
        if base_url:  # the page's permalink; the Markdown itself has no anchors
            line += f" {md_link(label, f'{base_url}#{bullet.earlier.anchor}')}"
        else:
            line += f" _{md_escape(label)}_"
    return line


def _analysis(item: AnalysisView) -> list[str]:
    lines: list[str] = []
    if item.title:
        lines += [f"**{md_link(item.title, item.href)}**", ""]
    if item.text:
        lines += [md_escape(item.text), ""]
    if item.byline:
        lines += [f"_{md_escape(item.byline)}_", ""]
    embed = item.embed
    if embed:
        who = md_escape(embed.author)
        if embed.handle and embed.handle != embed.author:
            who += f" ({md_escape(embed.handle)})"
        when = md_link(embed.date_label or "View post", embed.href) if embed.href else ""
        when = when or md_escape(embed.date_label)
        lines += ["> Embed:", f"> {md_escape(embed.text)}", ">", f"> — {who} {when}".rstrip(), ""]
    return lines
