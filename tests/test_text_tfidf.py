"""`digest.text.tfidf`: one TF-IDF, each stage's smoothing and cut on top."""

import math

import numpy as np
import pytest
import scipy.sparse as sp

from digest.text.tfidf import (document_frequency, half_idf, half_idf_of, normalise_rows,
                               smooth_idf, tfidf, unit_rows)

# Three documents over the terms a, b, c: "a b b", "a c", "a".
COUNTS = sp.csr_matrix(np.array([[1.0, 2.0, 0.0], [1.0, 0.0, 1.0], [1.0, 0.0, 0.0]]))


def test_document_frequency_counts_the_documents_holding_each_term():
    assert document_frequency(COUNTS.indices, 3).tolist() == [3, 1, 1]
    assert document_frequency(COUNTS.indices, 5).tolist() == [3, 1, 1, 0, 0]
    assert document_frequency(np.zeros(0, dtype=np.int64), 2).tolist() == [0, 0]


def test_smooth_idf_counts_a_term_in_every_document_once():
    # log((1 + n) / (1 + df)) + 1, n = 3
    assert smooth_idf(np.array([3, 1, 0]), 3).tolist() == pytest.approx(
        [1.0, 1.0 + math.log(2.0), 1.0 + math.log(4.0)])


def test_half_idf_makes_a_term_in_every_document_almost_worthless():
    # log((n + 1) / (df + 0.5)), n = 3
    assert half_idf(np.array([3, 1, 0]), 3).tolist() == pytest.approx(
        [math.log(4 / 3.5), math.log(4 / 1.5), math.log(8.0)])


def test_half_idf_of_one_term_is_the_same_formula_in_plain_floats():
    assert [half_idf_of(df, 3) for df in (3, 1, 0)] == pytest.approx(
        half_idf(np.array([3, 1, 0]), 3).tolist())
    assert half_idf_of(1, 3) == math.log(4 / 1.5)


def test_rows_are_sublinear_tf_times_idf_at_unit_length():
    matrix, idf = tfidf(COUNTS, smooth_idf)
    assert idf.tolist() == pytest.approx([1.0, 1.0 + math.log(2.0), 1.0 + math.log(2.0)])
    # "b" said twice weighs 1 + log 2, not 2
    first = np.array([1.0, (1.0 + math.log(2.0)) ** 2, 0.0])
    assert matrix.toarray()[0] == pytest.approx(first / np.linalg.norm(first))
    assert np.linalg.norm(matrix.toarray(), axis=1) == pytest.approx([1.0, 1.0, 1.0])
    assert matrix.toarray()[2].tolist() == [1.0, 0.0, 0.0]


def test_the_idf_power_weighs_rare_terms_up():
    plain, _ = tfidf(COUNTS, smooth_idf)
    squared, idf = tfidf(COUNTS, smooth_idf, idf_power=2.0)
    assert idf.tolist() == pytest.approx(tfidf(COUNTS, smooth_idf)[1].tolist())  # before the power
    first = np.array([1.0, (1.0 + math.log(2.0)) ** 3, 0.0])
    assert squared.toarray()[0] == pytest.approx(first / np.linalg.norm(first))
    assert squared[0, 1] > plain[0, 1]


def test_terms_in_too_many_documents_are_cut():
    matrix, idf = tfidf(COUNTS, smooth_idf, max_df=2)
    assert matrix.shape == (3, 2)  # "a" (in all three) dropped
    assert idf.tolist() == pytest.approx([1.0 + math.log(2.0)] * 2)
    assert matrix.toarray().tolist() == [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]
    assert tfidf(COUNTS, smooth_idf, max_df=0)[0] is None


def test_no_entries_no_matrix():
    assert tfidf(sp.csr_matrix((2, 0)), smooth_idf)[0] is None
    assert tfidf(sp.csr_matrix((2, 3)), smooth_idf)[0] is None


def test_normalise_rows_leaves_empty_rows_empty():
    matrix = normalise_rows(sp.csr_matrix(np.array([[3.0, 4.0], [0.0, 0.0]])))
    assert matrix.toarray().tolist() == [[0.6, 0.8], [0.0, 0.0]]


def test_unit_rows_divides_each_row_by_its_norm():
    assert unit_rows(np.array([0, 2, 2, 3]), np.array([3.0, 4.0, 2.0])).tolist() == \
        [0.6, 0.8, 1.0]


def test_compose_rows_are_scaled_by_the_same_l2_step_as_grouping():
    from digest.compose import vectors

    rows = [["a", "b", "c", "a"], [], ["c", "d"], ["b", "d", "e", "f", "g", "h", "i", "j", "k"]]
    sentences, _ = vectors.tfidf(rows, [])
    vocab = sorted({t for row in rows for t in row})  # first seen is alphabetical here
    counts = np.array([[row.count(t) for t in vocab] for row in rows], dtype=np.float64)
    weighted = counts * half_idf((counts > 0).sum(axis=0), len(rows))
    assert (normalise_rows(sp.csr_matrix(weighted)).toarray() == sentences.toarray()).all()


def test_group_and_compose_weigh_terms_here():
    from digest.compose import vectors

    sentences, _ = vectors.tfidf([["a", "b"], ["a"]], [])
    a, b = half_idf(np.array([2, 1]), 2)  # composing's policy: log((n + 1) / (df + 0.5))
    assert sentences.toarray()[0] == pytest.approx(np.array([a, b]) / math.hypot(a, b))
