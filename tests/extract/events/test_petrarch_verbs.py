"""Verb dictionary reader: synsets, blocks, forms, patterns and codes."""

from __future__ import annotations

import pytest

from rashomon.errors import LexiconError
from rashomon.extract.events.petrarch import Slot, parse_verbs

VERBS = """\
####### SYNONYM SETS #######
&CURRENCY
+DOLLAR
+KRONER_
+SWISS_FRANC

&AUXVERB_
+HAVE
+HAS

--- GRANT [070] ---
GRANT
GIVE {GAVE GIVEN GIVING}  # irregular
DONATE [071]
+HAND_OVER {+HANDS_OVER +HANDED_OVER}
WIRE_+TRANSFER
- * &CURRENCY [903]  # money
- * (TO {REFUGEE CAMP}) [073:074]
- + HAS * $ AID [072]
- % * [:075]
- IN_*_OUT [070]

--- PLEAD [---] ---
PLEAD {PLEADS PLEADED PLED PLEADING}
"""


def test_verbs_synsets_with_plurals() -> None:
    verbs = parse_verbs(VERBS)
    currency = verbs.synsets["&CURRENCY"]
    assert currency.words == ("DOLLAR", "KRONER", "SWISS FRANC")
    assert currency.plurals == ("DOLLARS", "SWISS FRANCS")
    assert verbs.synsets["&AUXVERB"].plurals == ()


@pytest.mark.parametrize(
    ("form", "lemma", "code"),
    [
        ("grants", "GRANT", "070"),
        ("granted", "GRANT", "070"),
        ("gave", "GIVE", "070"),
        ("donating", "DONATE", "071"),
        ("donated", "DONATE", "071"),
        ("handed over", "HAND OVER", "070"),
        ("wire transfers", "WIRE TRANSFER", "070"),
        ("pled", "PLEAD", "---"),
    ],
)
def test_verbs_forms_and_codes(form: str, lemma: str, code: str) -> None:
    (entry,) = parse_verbs(VERBS).lookup(form)
    assert (entry.lemma, entry.code) == (lemma, code)


def test_verbs_irregular_forms_replace_regular_ones() -> None:
    verbs = parse_verbs(VERBS)
    assert verbs.lookup("gived") == ()
    assert verbs.lookup("hands over")[0].head_index == 0
    assert verbs.lookup("wire transfer")[0].head_index == 1


def test_verbs_patterns_shared_by_block() -> None:
    verbs = parse_verbs(VERBS)
    grant, give = verbs.lookup("grant")[0], verbs.lookup("give")[0]
    assert grant.patterns is give.patterns
    assert len(grant.patterns) == 5
    assert verbs.lookup("plead")[0].patterns == ()
    assert verbs.pattern_count == 5


def test_verbs_pattern_tokens_slots_and_codes() -> None:
    money, camp, aid, compound, adjacent = parse_verbs(VERBS).lookup("grant")[0].patterns
    assert money.after == ("&CURRENCY",) and money.synsets == ("&CURRENCY",)
    assert camp.after == ("(", "TO", "{", "REFUGEE", "CAMP", "}", ")")
    assert (camp.code, camp.passive_code) == ("073", "074")
    assert aid.before == ("+", "HAS") and aid.after == ("$", "AID")
    assert aid.target_slot == Slot("before", 0)
    assert aid.source_slot == Slot("after", 0)
    assert compound.has_compound and compound.code is None
    assert compound.passive_code == "075"
    assert adjacent.before == ("IN", "_") and adjacent.after == ("_", "OUT")
    assert money.source_slot is None


def test_verbs_transformations_and_undefined_synsets() -> None:
    text = "--- SAY [010] ---\nSAY {SAID}\n- * &NOWHERE [012]\n~ a (a b ATTACK) SAY = a b 015\n"
    verbs = parse_verbs(text)
    assert verbs.transformations == ("~ a (a b ATTACK) SAY = a b 015",)
    assert verbs.undefined_synsets() == frozenset({"&NOWHERE"})


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("- * AID [070]\n", 1),
        ("GRANT\n", 1),
        ("--- GRANT [070] ---\nGRANT\n- * AID\n", 3),
        ("--- GRANT [070] ---\nGRANT\n- AID [070]\n", 3),
        ("--- GRANT [070] ---\nGRANT\n- * * AID [070]\n", 3),
        ("--- GRANT [07 0] ---\n", 1),
        ("--- GRANT [070] ---\nGRANT\n- * AID [070]\nGIVE\n", 4),
        ("--- [070] ---\n", 1),
    ],
)
def test_verbs_malformed_line_raises_naming_it(text: str, line: int) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_verbs(text, source="test.verbs.txt")
    assert caught.value.where == f"test.verbs.txt:{line}"
