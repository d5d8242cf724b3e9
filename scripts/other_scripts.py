"""Names written in other alphabets than Latin, as build-gazetteers and build-places keep
them: the scripts folio's tokenizer splits into words (src/entities/scripts.rs lists the
same alphabets), and Natural Earth's country name columns in those scripts."""
import unicodedata

OTHER_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN", "HEBREW", "ARABIC")
NE_NAME_COLUMNS = ("NAME_AR", "NAME_EL", "NAME_FA", "NAME_HE", "NAME_RU", "NAME_UK")


def other_script(name):
    """A name in one of OTHER_SCRIPTS that is long and distinctive enough to be a hint."""
    name = name.strip()
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 4 or any(c.isdigit() for c in name) or len(name) > 60:
        return False
    scripts = {unicodedata.name(c, "?").split()[0] for c in letters}
    if len(scripts) != 1 or not scripts <= set(OTHER_SCRIPTS):
        return False
    first = letters[0]
    return first.isupper() or first.lower() == first.upper()
