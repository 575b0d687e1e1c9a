"""`digest report`: what the machine did with each story, for the editor to check."""

from __future__ import annotations

from typing import Any

from digest.build import BuildResult
from digest.compose.model import DigestSentence
from digest.config import Config
from digest.render.urls import absolute_url, story_path


def report_data(result: BuildResult, config: Config) -> dict[str, Any]:
    """The report as plain data (the `--json` schema)."""
    stories = []
    scores = result.ranking.scores if result.ranking is not None else {}
    for digest in result.digests:
        story = digest.story
        score = scores.get(story.slug)
        articles = []
        for source in digest.sources:
            for article in (source.article, *source.copies):
                articles.append({
                    "path": article.rel_path, "source": article.source,
                    "outlet": article.outlet, "title": article.title,
                    "date": article.date.isoformat(), "number": source.number,
                    "duplicate_of": None if article is source.article
                    else source.article.rel_path,
                    "removed_lines": [{"line": r.line, "rule": r.rule, "text": r.text}
                                      for r in article.removed],
                })
        stories.append({
            "slug": story.slug, "key": story.key, "title": digest.title,
            "storyline": story.storyline or story.slug,
            "topic": story.topic.name, "url": absolute_url(config.base_url,
                                                           story_path(story.slug))
            or "/" + story_path(story.slug),
            "summary": [_sentence(s) for s in digest.summary],
            "summary_origin": digest.summary_origin,
            "takeaways": [_sentence(s) for s in digest.takeaways],
            "takeaways_origin": digest.takeaways_origin,
            "brief": [{"heading": p.heading, "aspect": p.aspect,
                       "sentences": [_sentence(s) for s in p.sentences]}
                      for p in digest.brief],
            "articles": articles, "warnings": list(digest.warnings),
            "disagreements": [{"kind": d.kind, "sides": [
                {"value": side.value, "sources": list(side.sources), "sentence": side.sentence}
                for side in d.sides]} for d in digest.disagreements],
            "score": score.value if score else None,
            "score_parts": dict(score.parts) if score else {},
        })
    return {
        "stories": stories,
        "topics": [t.name for t in result.grouping.topics],
        "skipped": [{"path": s.rel_path, "reason": s.reason} for s in result.skipped],
        "non_articles": [{"path": a.rel_path, "title": a.title, "source": a.source}
                         for a in result.grouping.non_articles],
        "filler": [{"path": a.rel_path, "title": a.title, "source": a.source}
                   for a in result.grouping.filler_articles],
        "warnings": list(result.warnings),
    }


def _sentence(sentence: DigestSentence) -> dict[str, Any]:
    origin = sentence.origin
    return {
        "text": sentence.text, "cites": list(sentence.cites),
        "from": None if origin is None else {"path": origin.rel_path,
                                             "sentence": origin.sentence,
                                             "index": origin.sentence_index},
        "rewrite": origin.rewrite or None if origin is not None else None,
    }


def report_text(data: dict[str, Any]) -> str:
    """The report for people: one block per story."""
    lines = []
    for story in data["stories"]:
        lines.append(f"== {story['title']}  [{story['topic']}]  {story['url']}")
        if story["score"] is not None:
            parts = ", ".join(f"{k} {v:g}" for k, v in story["score_parts"].items())
            lines.append(f"   score {story['score']:g} ({parts})")
        for article in story["articles"]:
            dup = f"  (copy of {article['duplicate_of']})" if article["duplicate_of"] else ""
            lines.append(f"   [{article['number']}] {article['outlet']}: {article['path']}{dup}")
        lines.append(f"   Summary ({story['summary_origin']}):")
        for s in story["summary"]:
            lines.append(f"     - {s['text']} {s['cites']}")
            if s["from"] and s["from"]["sentence"] != s["text"]:
                how = f" (opener named: {s['rewrite']})" if s.get("rewrite") else ""
                lines.append(f"         from{how}: {s['from']['sentence']}")
        lines.append(f"   Takeaways ({story['takeaways_origin']}):")
        for s in story["takeaways"]:
            lines.append(f"     - {s['text']} {s['cites']}")
            if s.get("rewrite"):
                lines.append(f"         from (opener named: {s['rewrite']}): "
                             f"{s['from']['sentence']}")
        for d in story.get("disagreements", ()):
            sides = "; ".join(f"{side['value']} {side['sources']}" for side in d["sides"])
            lines.append(f"   Sources disagree ({d['kind']}): {sides}")
        if story["brief"]:
            lines.append("   Brief:")
        for paragraph in story["brief"]:
            heading = f" {paragraph['heading']}" if paragraph["heading"] else ""
            lines.append(f"     [{paragraph['aspect']}]{heading}")
            for s in paragraph["sentences"]:
                lines.append(f"       - {s['text']} {s['cites']}")
        for warning in story["warnings"]:
            lines.append(f"   ! {warning}")
        lines.append("")
    for skipped in data["skipped"]:
        lines.append(f"skipped {skipped['path']}: {skipped['reason']}")
    for page in data["non_articles"]:
        lines.append(f"not an article (in no story) {page['path']}: {page['title']}")
    for page in data["filler"]:
        lines.append(f"filler (in no story) {page['path']}: {page['title']}")
    return "\n".join(lines)
