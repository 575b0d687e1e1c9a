"""An article's web page -> its main text and byline, for feeds that carry only excerpts.

The page is fetched with the bounded client after robots.txt allows it, and its
main text found by trafilatura (navigation, comments, footers and scripts left
behind; byline from the page's metadata). The HTML it returns still goes through
digest's own sanitiser and markdown conversion afterwards.
"""

from __future__ import annotations

from digest.importer.articles import PageText
from digest.importer.fetch import FetchError, Limits, Robots, fetch

PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
MIN_PAGE_WORDS = 40
"""A page whose main text is shorter than this is not worth more than the feed's excerpt."""


def fetch_page(url: str, limits: Limits, robots: Robots) -> PageText:
    """The main text of the page at `url`; FetchError with a reason when robots.txt
    forbids it, the request fails, or no article text is found."""
    if not robots.allowed(url):
        raise FetchError("robots.txt disallows fetching this page")
    page = fetch(url, limits, accept=PAGE_ACCEPT)
    if "html" not in page.content_type.lower() and page.content_type:
        raise FetchError(f"not an HTML page ({page.content_type})")
    return extract_page(page.data, page.url)


def extract_page(data: bytes, url: str) -> PageText:
    """The main text (as HTML) and authors of an HTML page; FetchError when none is found."""
    import trafilatura
    from bs4 import BeautifulSoup

    extracted = trafilatura.extract(data, url=url, output_format="html", include_links=True,
                                    include_comments=False, include_images=False,
                                    with_metadata=True)
    if not extracted:
        raise FetchError("no article text found on the page")
    soup = BeautifulSoup(extracted, "html.parser")
    meta = soup.find("meta", attrs={"name": "author"})
    authors = tuple(a.strip() for a in str(meta.get("content", "")).split(";") if a.strip()) \
        if meta else ()
    body = soup.body.decode_contents() if soup.body else extracted
    if len(BeautifulSoup(body, "html.parser").get_text(" ").split()) < MIN_PAGE_WORDS:
        raise FetchError(f"the page's main text is under {MIN_PAGE_WORDS} words")
    return PageText(html=body, authors=authors)
