"""Posts and affiliations ("Tory leader Michael Howard", "Mhairi Hunter, city convener for
...", "chairman of ..."): a `Doc` and its entities in, `Affiliation`s out
(`roles.find_affiliations`)."""
