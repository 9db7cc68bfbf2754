"""How people abbreviate in notes, and how a careful writer spells the same words.

One table serves both sides: the rewriter expands ``exp`` to "experience" and writes ``sql`` as
"SQL"; the checker flags ``exp`` (shorthand) and ``sql`` (lower case) when a person types them
into a draft. Keys are lower case; a word is looked up whole, never inside another word.
"""

from __future__ import annotations

import re

# Shorthand: informal abbreviations a letter never uses. "etc." and "e.g." are good English.
EXPANSIONS: dict[str, str] = {
    "exp": "experience",
    "expr": "experience",
    "mgmt": "management",
    "mgr": "manager",
    "mgrs": "managers",
    "mtg": "meeting",
    "mtgs": "meetings",
    "dept": "department",
    "depts": "departments",
    "govt": "government",
    "yr": "year",
    "yrs": "years",
    "wk": "week",
    "wks": "weeks",
    "mo": "month",
    "mos": "months",
    "hrs": "hours",
    "ppl": "people",
    "abt": "about",
    "thru": "through",
    "tho": "though",
    "bc": "because",
    "bcos": "because",
    "cos": "because",
    "pls": "please",
    "thx": "thanks",
    "approx": "about",
    "reqs": "requirements",
    "req": "requirement",
    "recs": "reconciliations",
    "recon": "reconciliation",
    "recons": "reconciliations",
    "acct": "account",
    "accts": "accounts",
    "comms": "communications",
    "cust": "customer",
    "custs": "customers",
    "pts": "patients",
    "tele": "telemetry",
    "perf": "performance",
    "dev": "development",
    "devs": "developers",
    "eng": "engineering",
    "prev": "previous",
    "esp": "especially",
    "w/": "with",
    "w/o": "without",
    "b/c": "because",
    "vs": "versus",
    "cert": "certification",
    "certs": "certifications",
    "qual": "qualification",
    "quals": "qualifications",
    "relo": "relocation",
    "rps": "requests per second",
    "wknd": "weekend",
    "wknds": "weekends",
    "secs": "secretaries",
    "contribs": "contributions",
    "contrib": "contribution",
    "on-prem": "on-premises",
    "diff": "differential",
}

# Languages and peoples, which notes type in lower case as often as not; always a capital in a
# letter. ("Polish" is spelled so too, but "polish" is also a verb, so the checker lets it be.)
LANGUAGES: tuple[str, ...] = (
    *("English", "French", "Spanish", "German", "Samoan", "Portuguese", "Italian", "Dutch"),
    *("Mandarin", "Cantonese", "Arabic", "Hindi", "Irish", "Welsh", "Māori", "Catalan"),
    *("Basque", "Galician", "Swedish", "Norwegian", "Danish", "Finnish", "Greek", "Turkish"),
    *("Russian", "Ukrainian", "Romanian", "Hungarian", "Czech", "Slovak", "Croatian"),
    *("Serbian", "Japanese", "Korean", "Vietnamese", "Thai", "Tagalog", "Indonesian"),
    *("Malay", "Swahili", "Zulu", "Xhosa", "Afrikaans", "Hebrew", "Persian", "Farsi", "Urdu"),
    *("Bengali", "Punjabi", "Tamil", "Flemish", "British", "American", "Canadian"),
    *("European", "Australian", "Mexican"),
)
_LANGUAGES = frozenset(word.lower() for word in LANGUAGES)

# Words with one right spelling that notes type in lower case: acronyms, products, languages.
SPELLINGS: dict[str, str] = {
    word.lower(): word
    for word in (
        *("SQL", "API", "APIs", "KPI", "KPIs", "CI/CD", "QA", "UX", "UI", "CRM", "ERP", "SAP"),
        *("AWS", "GCP", "ETL", "HR", "NHS", "ICU", "EHR", "EMR", "SEND", "GCSE", "IFRS", "GAAP"),
        *("VAT", "SLA", "SLAs", "SLO", "SLOs", "SEO", "CAD", "PLC", "HVAC", "GMP", "CAPA"),
        *("PCR", "AML", "KYC", "ROI", "QBRs", "NRR", "CSAT", "BGP", "MPLS", "CCNP", "PMP"),
        *("OSHA", "EPA", "CPA", "ACA", "CTA", "CIPD", "WSET", "SCA", "MVR", "ELD", "CDL"),
        *(
            "SBAR",
            "ACLS",
            "BLS",
            "CPR",
            "AED",
            "ALS",
            "TNCC",
            "CRRT",
            "NGSS",
            "WCAG",
            "GIS",
            "DBS",
            "SSSC",
        ),
        *("SVQ", "GDC", "LBP", "PEO", "EIT", "HMT", "RTPI", "SORP", "LGD", "IFRS", "HGB"),
        *("DATEV", "CATIA", "FEA", "NCEA", "SWRB", "MTA", "DFMEA", "LLM", "LLMs", "PD", "GLMs"),
        *("Python", "JavaScript", "TypeScript", "Java", "Go", "React", "Django", "Excel"),
        *("PostgreSQL", "Postgres", "Kubernetes", "Terraform", "Tableau", "Salesforce", "Xero"),
        *("QuickBooks", "NetSuite", "Sage", "Figma", "Airflow", "Spark", "Looker", "Zendesk"),
        *("Prometheus", "Grafana", "SolidWorks", "AutoCAD", "Procore", "Caseware", "Lacerte"),
        *("Bullhorn", "Workday", "Instagram", "TripAdvisor", "Opera", "PyTorch", "PyMC"),
        *("Kaggle", "LinkedIn", "GitHub", "Rotacloud", "Relativity", "Siemens", "Bosch", "VBA"),
        *LANGUAGES,
        "Polish",
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "April", "June", "July", "August", "September"),
        *("October", "November", "December", "Christmas", "Easter", "COVID", "Brexit"),
        *("London", "Paris", "Berlin", "Munich", "Vienna", "Madrid", "Lyon", "Zaragoza", "York"),
        *("Dublin", "Sydney", "Auckland", "Toronto", "Chicago", "Oregon", "Texas", "California"),
        *("Germany", "France", "Spain", "Portugal", "Belgium", "China", "India", "Ireland"),
        *("Scotland", "Wales", "England", "Europe", "Canada", "Australia", "Mexico", "Italy"),
        *("Austria", "Japan", "Africa", "Asia", "America", "Netherlands", "Switzerland"),
        *("3D", "DAG", "DAGs", "Azure", "Revit", "Jira", "SharePoint", "Outlook", "HubSpot"),
    )
} | {
    "dbt": "dbt",
    "k8s": "Kubernetes",
    "js": "JavaScript",
    "ts": "TypeScript",
    "powerbi": "Power BI",
    "ci/cd": "CI/CD",
    "o365": "Office 365",
    "i": "I",
    "im": "I'm",
    "i'm": "I'm",
    "ive": "I've",
    "i've": "I've",
    "i'd": "I'd",
    "i'll": "I'll",
    "dont": "don't",
    "didnt": "didn't",
    "cant": "can't",
    "wont": "won't",
    "thats": "that's",
}

# Symbols notes use for words.
SYMBOLS: dict[str, str] = {"+": "and", "&": "and", "->": "to", "=": "is", "~": "about"}

# Lower-case month and day names that are also ordinary words ("may", "march", "sun") are left
# to the reader; the rest are always names.
_MONTHS_AND_DAYS = frozenset(
    w.lower()
    for w in (
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "April", "June", "July", "August", "September"),
        *("October", "November", "December"),
    )
)
_WORD = re.compile(r"(?<![\w/])[A-Za-z][\w'/]*(?<![/'])")


def expansion(word: str) -> str | None:
    """The plain English for a shorthand word, or None if ``word`` is not shorthand."""
    return EXPANSIONS.get(word.lower())


def spelling(word: str) -> str | None:
    """How ``word`` is written in a letter, when it has one fixed form; else None."""
    return SPELLINGS.get(word.lower())


def is_month_or_day(word: str) -> bool:
    return word.lower() in _MONTHS_AND_DAYS


def is_language(word: str) -> bool:
    """ "catalan", "french": a language or people, which English writes with a capital."""
    return word.lower() in _LANGUAGES


def shorthand_words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of every shorthand word in ``text`` ("exp", "w/", "mgmt")."""
    found = []
    for match in re.finditer(r"(?<![\w/])(?:w/o|w/|b/c)(?![\w/])|\b[A-Za-z]+\b", text):
        word = match[0]
        if word.lower() in EXPANSIONS and not _is_name_use(text, match.start(), word):
            found.append((word, match.start(), match.end()))
    return found


def _is_name_use(text: str, start: int, word: str) -> bool:
    # "Info" or "Dev" opening a capitalised name ("Dev Raman") is a name, not shorthand.
    return word[:1].isupper() and bool(re.match(r"[A-Z][a-z]+ [A-Z]", text[start:]))
