"""The domain, with no Qt: documents, spans, events, the codebook, edits and validation."""
