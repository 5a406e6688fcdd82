"""The parts of :class:`retrieval.index.BM25Index`, one concept a module.

* :mod:`.scoring`: the BM25 variants as strategy objects (IDF and term-frequency part), the
  Lucene IDF, and the top k of a score array.
* :mod:`.segments`: immutable CSR postings over a range of ids; building, merging, and the
  policy that decides when trailing segments merge.
* :mod:`.state`: everything one query reads, published by one assignment.
* :mod:`.search`: scores over every segment (the simple path), per-term scores for rerankers,
  and the choice between it and the pruned top k.
* :mod:`.maxscore`: the MaxScore top k, the same answer as sorting every score, faster.
* :mod:`.snapshot`: save and memory-mapped load, atomic against a kill at any moment.

Only :mod:`retrieval.index` is public; these modules may change shape between versions.
"""
