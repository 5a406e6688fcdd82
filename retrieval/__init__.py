"""The newsdesk retrieval core: articles in, ranked passages with their reported sources out."""
