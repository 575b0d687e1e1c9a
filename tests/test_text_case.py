"""`digest.text.case`."""

from digest.text.case import capitalize_first, small_first_name


def test_the_first_letter_is_capitalised():
    assert capitalize_first("the ferry sails at noon.") == "The ferry sails at noon."
    assert capitalize_first("Orrin's ferry sails.") == "Orrin's ferry sails."


def test_a_name_spelt_with_a_capital_after_a_small_first_letter_keeps_its_case():
    assert capitalize_first("iOS 26 is out.") == "iOS 26 is out."
    assert capitalize_first("xAI said it would appeal.") == "xAI said it would appeal."
    assert capitalize_first("eBay will close the shop.") == "eBay will close the shop."


def test_empty_and_one_letter_texts():
    assert capitalize_first("") == ""
    assert capitalize_first("a") == "A"


def test_a_name_with_a_small_first_letter_may_open_a_sentence():
    assert small_first_name("iOS") and small_first_name("xAI")
    assert not small_first_name("the") and not small_first_name("Orrin")
