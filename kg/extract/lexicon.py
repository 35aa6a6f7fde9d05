"""Word lists that tell what kind of thing a name names, shared by the mention and typing steps.

Each list holds ordinary English words that news writing puts in or around names; none names
a particular organisation, person or place.
"""

from __future__ import annotations

# Words that end an organisation's name ("Glasgow City Council", "Home Office").
ORG_HEADS = frozenset(
    """
    Council Office Department Ministry Committee Commission Party Police Constabulary
    Federation Association Foundation Trust Partnership Authority Agency Service Services
    Board Court Tribunal University College School Institute Institution Society Union Bank
    Group Company Corporation Forum Alliance League Organisation Organization Parliament
    Assembly Executive Government Cabinet Army Navy Force Forces Church Network Centre Center
    Charity Fund Campaign Coalition Movement Confederation Congress Senate Chamber Inc Ltd plc
    Unit Bureau Inspectorate Commissioners Trades Club Guild Panel Directorate Secretariat
    Theatre Theater Museum Gallery Orchestra Opera Ballet
    """.split()
)
# Legal forms of companies and the names of military units: they end an organisation's name
# and, unlike the words above, never stand alone as one ("LLC", "Rifles").
ORG_SUFFIXES = frozenset(
    """
    LLC LLP PLC Plc Corp Inc. Ltd. GmbH AG NV BV SpA Pty Limited Incorporated Holdings
    Regiment Rifles Battalion Brigade Fusiliers Guards Corps Squadron Dragoons Hussars
    """.split()
)
# Words that close a company's name after its maker's name ("Harland Textiles", "Creative
# Labs"): an industry or line of business. None of them is a common surname.
INDUSTRY_WORDS = frozenset(
    """
    Airlines Airways Aviation Aerospace Motor Motors Automotive Textiles Leisure Foods Food
    Brewery Breweries Distillers Beverages Pharmaceuticals Pharma Biotech Therapeutics
    Healthcare Insurance Assurance Bancorp Banking Capital Securities Investments
    Investment Partners Associates Industries Enterprises Electronics Technologies
    Technology Systems Software Networks Communications Telecom Telecoms Telecommunications
    Media Entertainment Pictures Studios Records Publishing Publishers Productions
    Broadcasting Games Gaming Retail Stores Supermarkets Hotels Resorts Casinos Properties
    Estates Construction Engineering Logistics Shipping Railways Railway Airport Airports
    Labs Laboratories Analytics Solutions Consulting Consultancy Mining Minerals Petroleum
    Oil Chemicals Steel Utilities Energy Electric Semiconductor Semiconductors Interactive
    Digital Online Mobile Wireless Cosmetics Fashion Apparel Clothing Brands Trading
    """.split()
) - {"Airport", "Airports"}
# Houses of a legislature, whose committees news names in lower case after them ("the Commons
# home affairs select committee", "Parliament's environment committee").
LEGISLATURES = frozenset("Commons Lords Senate Parliament Assembly Congress".split())
# Words for a committee's standing that name none of them ("the Commons select committee").
COMMITTEE_KINDS = frozenset("select joint standing ad hoc special".split())
# Words that end a newspaper's title ("the Telegraph", "The Mail on Sunday", "the Financial
# Times"): after "the", a name ending in one is the paper, an organisation, however the model
# read it (it often reads "Telegraph" as a building).
NEWSPAPER_TITLES = frozenset(
    """
    Times Telegraph Mail Guardian Observer Independent Mirror Express Sun Star Post Herald
    Journal Gazette Chronicle Tribune Standard Echo Scotsman Economist Courier Argus
    Examiner Inquirer Advertiser Dispatch
    """.split()
)
# Words that end the name of a place or a building that is a location ("Belmarsh Prison",
# "Ridgeway Street", "Gatwick airport"); compared case-insensitively.
PLACE_HEADS = frozenset(
    """
    airport prison jail gaol station street st road avenue lane square bridge park
    estate harbour port docks embankment castle palace cathedral abbey stadium
    """.split()
)
# Geographic words that extend a place's short name: "Guantanamo" is "Guantanamo Bay".
PLACE_SUFFIXES = frozenset(
    "Bay Island Islands Peninsula Valley Strait Straits Coast Lake River Gulf Sea Harbour "
    "Mountains Hills Forest Desert Canal Delta Basin Heights Strip".split()
)
# Names of events, campaigns of action and instruments, not of anyone who acts: "General
# Election", "Operation Firewall", "Bill of Rights".
EVENT_HEADS = frozenset(
    """
    Election Elections Referendum Summit Festival Awards Olympics Championship
    Championships Cup Inquest Bill Act Treaty Convention Charter Directive
    """.split()
)
EVENT_OPENERS = frozenset({"Operation"})
# Titles that may stand before a name and are roles, not part of it. Kept as the person's
# role. Lower-case, without trailing dots; abbreviated ranks too ("Chief Supt Deats").
ROLE_TITLES = frozenset(
    """
    councillor cllr professor prof dr judge justice bishop archbishop cardinal senator
    president chancellor commissioner inspector detective sergeant constable superintendent
    captain colonel general major admiral governor mayor ambassador minister secretary
    chairman chairwoman chief supt insp det sgt pc dc ds di dci dcs cmdr cdr lt col gen
    maj capt brig adm gov sen rep
    """.split()
)
# Words that together make only a post: "Chief Executive", "Deputy Finance Director".
POST_WORDS = ROLE_TITLES | frozenset(
    """executive officer director deputy vice assistant head senior acting managing
    finance financial operating""".split()
)
# Words for a trade that open a sentence before a full name ("Farmer Geoff Brooks said");
# the model folds them into the name. Lower-case.
OCCUPATIONS = frozenset(
    """
    farmer actor actress singer author writer novelist poet playwright director producer
    comedian presenter broadcaster journalist reporter photographer designer architect
    artist sculptor musician guitarist drummer rapper businessman businesswoman tycoon
    entrepreneur banker economist analyst lawyer barrister solicitor campaigner activist
    teacher headteacher headmaster headmistress pupil student nurse surgeon scientist
    researcher soldier pilot priest vicar chef footballer cricketer golfer boxer athlete
    jockey striker midfielder defender goalkeeper coach manager boss spokesman spokeswoman
    spokesperson pensioner star veteran
    """.split()
)
# Nouns that, written just before a name, say it names an organisation ("gas firm Gazprom",
# "technology analysts IDC", "its unit Gazpromneft"). Lower-case.
ORG_NOUNS = frozenset(
    """
    firm firms company companies group giant maker makers operator operators retailer
    retailers airline airlines carrier broadcaster broadcasters newspaper newspapers
    agency agencies charity charities analysts consultancy bank banks insurer insurers
    lender lenders subsidiary unit supplier suppliers manufacturer manufacturers
    conglomerate chain chains network networks studio studios label labels regulator
    watchdog union unions association body organisation organization brokerage broker
    brokers brewer brewers exchange band engine
    """.split()
)
# Nouns that, written after a name and its "'s", say it names a company ("Baikal's assets",
# "Yukos shares"); a person has none of them. Lower-case.
ORG_POSSESSIONS = frozenset(
    """
    shares shareholders stake subsidiary subsidiaries profits profit revenues revenue
    turnover customers assets factory factories plants stores brand brands
    headquarters employees directors
    """.split()
)
# Nouns that, written just after a name, say it names an organisation ("Euronext chief
# executive", "Ifo president"). Lower-case.
ORG_AFTER = ORG_POSSESSIONS | frozenset(
    """
    stake spokesman spokeswoman spokesperson executives staff workers boss bosses chairman
    chairwoman board chief president founder offices unit leader leaders
    """.split()
)
