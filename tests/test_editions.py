"""Daily editions, the archive and the newsletter HTML."""

from conftest import article, parse_html
from digest.build import build
from digest.config import load_config

FILES = {
    "digest.toml": 'base_url = "https://news.example/"\n',
    "content/a.md": article("Council approves bridge", date="2025-11-01T09:00:00Z",
                            story="bridge", topic="Local",
                            body="The council approved the bridge budget on Monday."),
    "content/b.md": article("Bridge vote reaction", date="2025-11-02T09:00:00Z",
                            story="bridge", topic="Local",
                            body="Residents reacted to the bridge vote on Tuesday."),
    "content/c.md": article("Rocket reaches orbit", date="2025-11-02T10:00:00Z",
                            story="rocket", topic="Space",
                            body="The rocket reached orbit on its second attempt."),
}


def built(make_site):
    site = make_site(FILES)
    config = load_config(site)
    build(config)
    return config.output_path


def test_one_edition_per_publishing_day_with_new_and_updated_stories(make_site):
    out = built(make_site)
    first = parse_html(out / "editions" / "2025-11-01" / "index.html")
    second = parse_html(out / "editions" / "2025-11-02" / "index.html")
    assert [h.text(strip=True) for h in first.css(".story-card-title")] == \
        ["Council approves bridge"]
    badges = {c.css_first(".story-card-title").text(strip=True): c.css_first(".badge").text()
              for c in second.css(".story-card")}
    assert badges == {"Rocket reaches orbit": "New", "Council approves bridge": "Updated"}
    assert first.css_first('a[rel="next"]').attributes["href"] == "../2025-11-02/"
    assert second.css_first('a[rel="prev"]').attributes["href"] == "../2025-11-01/"
    assert first.css_first('a[rel="prev"]') is None


def test_archive_lists_editions_by_month(make_site):
    out = built(make_site)
    archive = parse_html(out / "editions" / "index.html")
    assert archive.css_first("h2").text() == "November 2025"
    assert [a.attributes["href"] for a in archive.css(".edition-list a")] == \
        ["2025-11-02/", "2025-11-01/"]


def test_newsletter_is_email_safe(make_site):
    out = built(make_site)
    path = out / "editions" / "2025-11-02" / "email.html"
    assert path.stat().st_size < 100_000
    doc = parse_html(path)
    assert doc.css("script") == [] and doc.css('link[rel="stylesheet"]') == []
    assert doc.css("style") == []
    assert doc.css_first("table") is not None
    links = [a.attributes["href"] for a in doc.css("a[href]")]
    assert links and all(link.startswith("https://news.example/") for link in links)
    for img in doc.css("img"):
        assert img.attributes["src"].startswith("https://") and img.attributes.get("width")
