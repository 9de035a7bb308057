#!/usr/bin/env python3
"""Writes companies.jsonl, the labelled fixture of the segment classifier (see README.md).
Deterministic: python3 generate.py (seed 15). Sentence banks are in gen_banks.py."""
import json, random, re
from gen_banks import K, NF, NF_KINDS, NF_NAMES

R = random.Random(15)
CITIES = {"DE": ["München", "Hamburg", "Köln", "Düsseldorf", "Stuttgart", "Leipzig", "Nürnberg", "Bremen"],
          "AT": ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck"], "CH": ["Zürich", "Basel", "Bern", "Luzern", "Zug"],
          "GB": ["London", "Manchester", "Leeds", "Bristol", "Glasgow", "Birmingham"], "AE": ["Dubai", "Abu Dhabi", "Sharjah"],
          "US": ["Chicago", "Austin"], "NL": ["Amsterdam", "Utrecht"], "FR": ["Lyon", "Paris"]}
COUNTRY = {"de": {"DE": "Deutschland", "AT": "Österreich", "CH": "der Schweiz"},
           "en": {"GB": "the UK", "AE": "the UAE", "DE": "Germany", "AT": "Austria", "CH": "Switzerland", "US": "the US",
                  "NL": "the Netherlands", "FR": "France"}}
FORM = {"DE": ["GmbH", "GmbH & Co. KG", "e.K.", "AG"], "AT": ["GmbH", "KG"], "CH": ["AG", "GmbH"], "GB": ["Ltd", "Limited", "LLP"],
        "AE": ["LLC", "FZ-LLC", "FZE"], "US": ["Inc.", "LLC"], "NL": ["B.V."], "FR": ["SAS"]}
FILLER = {
    "de": ["Sie erreichen uns Montag bis Freitag von 9 bis 17 Uhr.", "Wir freuen uns auf Ihre Anfrage per Telefon oder E-Mail.",
           "Unser Büro liegt zentral, Parkplätze sind vorhanden.", "Diese Website verwendet Cookies, um die Nutzung zu verbessern.",
           "Impressum: Geschäftsführer Thomas Berger, Registergericht Amtsgericht, USt-IdNr. auf Anfrage.",
           "Datenschutz ist uns wichtig; Details finden Sie in unserer Datenschutzerklärung.", "Folgen Sie uns auf LinkedIn und Instagram.",
           "Melden Sie sich für unseren Newsletter an.", "Aktuelles: Wir haben ein neues Büro bezogen.",
           "Unser Team besteht aus erfahrenen und engagierten Menschen.", "Qualität, Zuverlässigkeit und Termintreue zeichnen uns aus.",
           "Rufen Sie uns an – wir beraten Sie gern persönlich.", "Startseite Über uns Leistungen Referenzen Kontakt",
           "Wir sind ausgezeichnet als familienfreundlicher Arbeitgeber.", "Alle Preise zzgl. MwSt."],
    "en": ["Call us Monday to Friday, 9am to 5.30pm.", "We look forward to hearing from you.", "Free parking is available at our office.",
           "This website uses cookies to improve your experience.", "Registered in England and Wales; VAT number on request.",
           "Read our privacy policy for details on how we use your data.", "Follow us on LinkedIn and Instagram.",
           "Sign up to our newsletter.", "News: we have moved to a bigger office.", "Our team is small, experienced and friendly.",
           "Quality, reliability and honesty are our values.", "Get in touch for a free consultation.",
           "Home About Services Work Contact", "Proud to be a Living Wage employer.", "All prices exclude VAT."]}

def fold_umlauts(t):
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        t = t.replace(a, b)
    return t

def typo(t):
    words = t.split(" ")
    for _ in range(R.randint(1, 3)):
        i = R.randrange(len(words))
        w = words[i]
        if len(w) > 5:
            j = R.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:] if R.random() < 0.6 else w[:j] + w[j + 1:]
    return " ".join(words)

def fill(t, c):
    return (t.replace("{n}", c["short"]).replace("{c}", c["city"]).replace("{k}", c["countryname"])
            .replace("{y}", str(c["year"])).replace("{s}", c["staff"]).replace("{p}", c["product"]).replace("{i}", c["industryword"]))

def slug(name):
    s = fold_umlauts(name.lower())
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")

def country_for(lang):
    x = R.random()
    if lang == "de":
        return "DE" if x < 0.55 else "AT" if x < 0.75 else "CH" if x < 0.95 else R.choice(["NL", "FR"])
    return "GB" if x < 0.42 else "AE" if x < 0.7 else R.choice(["DE", "CH", "AT"]) if x < 0.9 else R.choice(["US", "NL", "FR"])

def company(kind, lang, segment, idx):
    country = country_for(lang)
    bank = K.get((kind, lang))
    nf = NF.get((kind, lang))
    city = R.choice(CITIES[country])
    c = dict(city=city, countryname=COUNTRY[lang].get(country, country), year=R.randint(1950, 2021),
             staff=f"{R.randint(300, 40000):,}".replace(",", "." if lang == "de" else ","), product="", industryword="")
    if bank:
        c["product"] = R.choice(bank.get("product", [""]))
        c["industryword"] = R.choice(bank["industry"])
        if bank.get("neutral_name") and R.random() < 0.45:
            short = R.choice(NF_NAMES) + R.choice([" & Partner", "", " Brothers" if lang == "en" else " & Söhne"])
        else:
            short = R.choice(bank["name"]) + ((" " + R.choice(bank["suffix"])) if bank.get("suffix") and R.random() < 0.5 else "")
        short = short.strip()
        c["short"] = short
        title = fill(R.choice(bank["title"]), c) if R.random() < 0.8 else None
        desc = fill(R.choice(bank["desc"]), c) if R.random() < 0.7 else None
        sentences = [fill(s, c) for s in R.sample(bank["body"], R.randint(2, len(bank["body"])))]
        sentences += [fill(s, c) for s in R.sample(bank["mention"], R.randint(0, 2))]
        industry = R.choice(bank["industry"]) if R.random() < 0.4 else None
        other = K.get((kind, "en" if lang == "de" else "de"))
    else:
        titles, body, industries = nf
        short = R.choice(NF_NAMES) + R.choice(["", " & Co", " Media" if kind in ("news", "directory", "blog") else ""])
        c["short"] = short
        title = fill(R.choice(titles), c) if R.random() < 0.85 else None
        desc = fill(R.choice(body), c) if R.random() < 0.5 else None
        sentences = [fill(s, c) for s in R.sample(body, R.randint(2, len(body)))]
        industry = R.choice(industries) if R.random() < 0.4 else None
        other_nf = NF.get((kind, "en" if lang == "de" else "de"))
        other = dict(body=other_nf[1]) if other_nf else None
    if other and R.random() < 0.15:
        sentences.append(fill(R.choice(other["body"]), c))  # mixed language: a sentence of the site's other version
    if bank and R.random() < 0.3:
        sentences += [fill(x, c) for x in R.sample(bank["body"], 3)]  # teasers repeated further down the page
    sentences += R.sample(FILLER[lang], R.randint(4, 12))
    R.shuffle(sentences)
    text = " ".join(sentences)
    if lang == "de" and (country == "CH" or R.random() < 0.12):
        text = text.replace("ß", "ss") if country == "CH" else fold_umlauts(text)
    if R.random() < 0.1:
        text = typo(text)
    shape = R.random()
    if shape < 0.07:
        text = ""  # never researched: name, industry and maybe a title only
        industry = industry or (bank["industry"][0] if bank else nf[2][0])
    elif shape < 0.15:
        text = " ".join(text.split(" ")[:R.randint(20, 45)])  # a thin one-pager
    name = f"{short} {R.choice(FORM[country])}"
    employees = None
    if kind == "CorporateClient" and R.random() < 0.6:
        employees = R.randint(300, 40000)
    elif kind != "CorporateClient" and R.random() < 0.25:
        employees = R.randint(2, 120) if kind != "competitor" else R.randint(40, 400)
    tld = {"DE": "de", "AT": "at", "CH": "ch", "GB": "co.uk", "AE": "ae"}.get(country, "com")
    return dict(id=idx, split="holdout" if idx % 3 == 0 else "tune", name=name, domain=f"{slug(short)}.{tld}",
                country=country, city=city, language=lang, industry=industry, employees=employees, title=title,
                description=desc, text=text, kind=kind, expected=segment)

def main():
    plan = []
    for seg in ("EventAgency", "CorporateClient", "BrandOwner", "Reseller"):
        plan += [(seg, lang, seg) for lang in ("de", "en") for _ in range(26)]
    for kind in NF_KINDS:
        n = 5 if kind in ("dentist", "avrental", "caterer") else 7
        plan += [(kind, lang, "NotAFit") for lang in ("de", "en") for _ in range(n)]
    R.shuffle(plan)
    rows = [company(kind, lang, seg, i + 1) for i, (kind, lang, seg) in enumerate(plan)]
    # Too little to judge: a bare name without any text or industry.
    for j, nm in enumerate(["Müller GmbH", "Smith & Sons Ltd", "ABC Trading LLC", "Huber KG", "Nova AG"]):
        rows.append(dict(id=len(rows) + 1, split="holdout" if j % 2 == 0 else "tune", name=nm, domain=None,
                         country=R.choice(["DE", "GB", "AE", "AT", "CH"]), city=None, language=None, industry=None,
                         employees=None, title=None, description=None, text="", kind="empty", expected="Unknown"))
    with open("companies.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "companies")

if __name__ == "__main__":
    main()
