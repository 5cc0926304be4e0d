"""Vocabulary and reference data for bench/gen_corpus.py (standard library only)."""
import json
import os
import re

DICT_FILES = {"fr": "/usr/share/dict/french", "en": "/usr/share/dict/american-english"}
ISO_3166 = "/usr/share/iso-codes/json/iso_3166-1.json"

THEMES = [
    ("conflict-prevention", "Conflict prevention", "Prévention des conflits"),
    ("small-arms", "Small arms and light weapons", "Armes légères et de petit calibre"),
    ("women-peace-security", "Women, peace and security", "Femmes, paix et sécurité"),
    ("youth", "Youth", "Jeunesse"),
    ("dialogue-mediation", "Dialogue and mediation", "Dialogue et médiation"),
    ("reconciliation", "Reconciliation", "Réconciliation"),
    ("human-rights", "Human rights", "Droits humains"),
    ("governance", "Governance", "Gouvernance"),
    ("peace-education", "Peace education", "Éducation à la paix"),
    ("security-sector-reform", "Security sector reform", "Réforme du secteur de la sécurité"),
    ("ddr", "Disarmament, demobilisation and reintegration",
     "Désarmement, démobilisation et réintégration"),
    ("interfaith", "Interfaith dialogue", "Dialogue interreligieux"),
    ("media", "Media", "Médias"),
    ("livelihoods", "Livelihoods", "Moyens de subsistance"),
    ("environment-climate", "Environment and climate", "Environnement et climat"),
    ("transitional-justice", "Transitional justice", "Justice transitionnelle"),
]
THEME_SLUGS = [t[0] for t in THEMES]

# Most frequent function words, in rank order (they head the Zipf ranking).
STOPWORDS = {
    "fr": "de la le et les des en un une du à pour dans est au par sur que qui avec "
          "ce sont pas plus ou se leur aux été ont cette ses entre comme mais".split(),
    "en": "the of and to in a for is on that with by as are from at this be an "
          "their which or was it have has its between were not more these".split(),
}

# Domain vocabulary: mixed in at high Zipf ranks (multi-word terms stay together).
DOMAIN = {
    "fr": ["paix", "conflit", "conflits", "médiation", "réconciliation", "armes légères",
           "désarmement", "alerte précoce", "CEDEAO", "société civile", "atelier",
           "prévention des conflits", "dialogue", "cohésion sociale", "jeunes", "femmes",
           "droits humains", "gouvernance", "sécurité", "réfugiés", "déplacés", "formation",
           "sensibilisation", "communauté", "communautés", "violence", "justice transitionnelle",
           "réintégration", "démobilisation", "leaders religieux", "radio communautaire",
           "élections", "frontière", "éleveurs", "agriculteurs", "transhumance", "plaidoyer",
           "renforcement des capacités", "Union africaine", "Nations Unies", "ONG",
           "résolution 1325", "médiateurs", "comités locaux de paix", "foncier",
           "changement climatique", "extrémisme violent", "consolidation de la paix",
           "armes de petit calibre", "dialogue interreligieux", "autorités locales",
           "chefs traditionnels", "mécanismes", "cohabitation pacifique", "réseau",
           "partenaires", "bailleurs", "ministère", "région", "village", "Sahel",
           "Afrique de l'Ouest", "éducation à la paix", "médias", "gestion des conflits",
           "droits de l'homme", "insécurité", "violences basées sur le genre"],
    "en": ["peace", "conflict", "conflicts", "mediation", "reconciliation", "small arms",
           "light weapons", "disarmament", "early warning", "ECOWAS", "civil society",
           "workshop", "conflict prevention", "dialogue", "social cohesion", "youth",
           "women", "human rights", "governance", "security", "refugees",
           "displaced persons", "training", "awareness", "community", "communities",
           "violence", "transitional justice", "reintegration", "demobilization",
           "religious leaders", "community radio", "elections", "border", "herders",
           "farmers", "advocacy", "capacity building", "African Union", "United Nations",
           "NGO", "resolution 1325", "mediators", "local peace committees", "land",
           "climate change", "violent extremism", "peacebuilding", "peace education",
           "interfaith dialogue", "local authorities", "traditional leaders", "mechanisms",
           "peaceful coexistence", "network", "partners", "donors", "ministry", "region",
           "village", "Sahel", "West Africa", "media", "conflict management",
           "insecurity", "gender-based violence", "security sector reform"],
}

TITLE_HEADS = {
    "fr": ["Atelier", "Projet", "Programme", "Formation", "Campagne", "Initiative",
           "Dialogue", "Forum", "Étude", "Appui", "Caravane", "Conférence"],
    "en": ["Workshop", "Project", "Programme", "Training", "Campaign", "Initiative",
           "Dialogue", "Forum", "Study", "Support", "Caravan", "Conference"],
}
TITLE_LINKS = {"fr": ["sur", "pour", "de", "en faveur de", "contre"],
               "en": ["on", "for", "of", "in support of", "against"]}
ORG_HEADS = {
    "fr": ["Association", "Réseau", "Centre", "Fondation", "Collectif", "Coalition",
           "Institut", "Mouvement", "Plateforme", "Observatoire"],
    "en": ["Association", "Network", "Centre", "Foundation", "Collective", "Coalition",
           "Institute", "Movement", "Platform", "Observatory"],
}
ORG_MIDS = {
    "fr": ["pour la paix", "des femmes pour la paix", "des jeunes pour la paix",
           "pour le dialogue", "pour la réconciliation", "contre les armes légères",
           "pour les droits humains", "pour la cohésion sociale"],
    "en": ["for Peace", "of Women for Peace", "of Youth for Peace", "for Dialogue",
           "for Reconciliation", "against Small Arms", "for Human Rights",
           "for Social Cohesion"],
}

# Countries where peacebuilding records concentrate; the rest follow in ISO order.
FOCUS_COUNTRIES = ("BF ML NE SN CI NG CM TD CF CD SS SD SO KE UG RW BI GN LR SL GH TG BJ MR "
                   "CO AF IQ SY YE LB PS UA MM PH HT GW ET ER LY MZ ZW TN DZ MA").split()

_FALLBACK = {
    "fr": "action accord acteurs activité analyse année appui autorité besoin cadre "
          "capacité cause changement chef citoyen collectivité comité commune conseil "
          "contexte crise culture développement droit économie école effort enfant "
          "engagement enjeu espace état étude famille force groupe histoire identité "
          "initiative institution intervention jeunesse justice loi marché membre mission "
          "niveau objectif organisation participation pays politique population pouvoir "
          "processus programme projet province question ressource rôle situation soutien "
          "stratégie structure système territoire travail valeur ville vision".split(),
    "en": "action agreement actors activity analysis year support authority need "
          "framework capacity cause change chief citizen district committee council "
          "context crisis culture development right economy school effort child commitment "
          "issue space state study family force group history identity initiative "
          "institution intervention justice law market member mission level objective "
          "organization participation country policy population power process program "
          "project province question resource role situation strategy structure system "
          "territory work value city vision".split(),
}
_SYLL = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu " \
        "na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo".split()
_WORD_RE = {"fr": re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ]{3,15}$"),
            "en": re.compile(r"^[a-z]{3,15}$")}


def dictionary_words(lang, rng, limit=60000):
    """Lower-case alphabetic words from Debian's word list, seeded-shuffled.

    Falls back to a small built-in list padded with synthetic pseudo-words."""
    words = []
    path = DICT_FILES[lang]
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="ignore") as f:
            words = sorted({w.strip() for w in f if _WORD_RE[lang].match(w.strip())})
    if len(words) < 1000:
        words = list(_FALLBACK[lang])
        seen = set(words)
        while len(words) < 20000:
            w = "".join(rng.choice(_SYLL) for _ in range(rng.randint(2, 4)))
            if w not in seen:
                seen.add(w)
                words.append(w)
    stop = set(STOPWORDS[lang])
    words = [w for w in words if w not in stop]
    rng.shuffle(words)
    return words[:limit]


def zipf_vocabulary(lang, rng):
    """Rank-ordered vocabulary: stopwords first, domain terms spread over ranks
    ~30..400, then dictionary words. Returns (vocab, first_dictionary_rank)."""
    vocab = list(STOPWORDS[lang])
    dict_words = dictionary_words(lang, rng)
    domain = list(DOMAIN[lang])
    rng.shuffle(domain)
    # interleave: each domain term followed by a few dictionary words
    it = iter(dict_words)
    for term in domain:
        vocab.append(term)
        for _ in range(rng.randint(1, 8)):
            vocab.append(next(it))
    vocab.extend(it)
    return vocab


def country_codes():
    """All ISO 3166-1 alpha-2 codes; focus countries first (Zipf-weighted by caller)."""
    codes = []
    if os.path.exists(ISO_3166):
        with open(ISO_3166, encoding="utf-8") as f:
            codes = sorted(c["alpha_2"] for c in json.load(f)["3166-1"])
    if not codes:
        codes = sorted(set(FOCUS_COUNTRIES) | set("FR BE CH CA US GB DE NL NO SE".split()))
    focus = [c for c in FOCUS_COUNTRIES if c in codes]
    return focus + [c for c in codes if c not in focus]


def themes_json():
    return [{"slug": s, "en": en, "fr": fr} for s, en, fr in THEMES]
