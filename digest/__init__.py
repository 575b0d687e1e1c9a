"""digest: a static-site generator for curated multi-source news digests."""
