namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// German and English words that say nothing about what a company does (articles, pronouns, web and legal boiler
/// plate), folded like <see cref="TermText"/> folds (umlauts as ae/oe/ue, ß as ss).
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // German
        "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "auch", "auf", "aus", "bei",
        "beim", "bin", "bis", "bist", "da", "damit", "dann", "das", "dass", "dein", "deine", "dem", "den", "der",
        "des", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein",
        "eine", "einem", "einen", "einer", "eines", "er", "es", "euch", "euer", "fuer", "hab", "habe", "haben", "hat",
        "hatte", "hier", "hin", "ich", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ins", "ist", "jede",
        "jeder", "jedes", "kann", "kein", "keine", "koennen", "mehr", "mein", "mit", "muss", "nach", "nicht", "noch",
        "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "sich", "sie", "sind", "so", "ueber", "um", "und",
        "uns", "unser", "unsere", "unserem", "unseren", "unserer", "unter", "vom", "von", "vor", "war", "was", "weil",
        "welche", "wenn", "wer", "werden", "wie", "wieder", "wir", "wird", "wo", "zu", "zum", "zur", "zwischen",
        "gmbh", "mbh", "kg", "ohg", "gbr", "ug", "haftungsbeschraenkt", "impressum", "datenschutz", "kontakt",
        "startseite", "mehr", "hier", "jetzt", "telefon", "tel", "fax", "email", "mail", "strasse", "str",
        "geschaeftsfuehrer", "geschaeftsfuehrung", "registergericht", "amtsgericht", "handelsregister", "hrb",
        "ustid", "umsatzsteuer", "cookies", "cookie", "seite", "ihnen", "unsere", "gerne", "bitte",
        // English
        "about", "after", "all", "also", "and", "any", "are", "because", "been", "before", "being", "both", "but",
        "can", "could", "did", "does", "each", "for", "from", "had", "has", "have", "her", "here", "his", "how",
        "into", "its", "just", "more", "most", "not", "now", "off", "once", "only", "other", "our", "ours", "out",
        "over", "own", "same", "she", "should", "some", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "through", "too", "under", "until", "very", "was", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
        "ltd", "llc", "inc", "plc", "limited", "company", "home", "contact", "privacy", "policy", "terms", "imprint",
        "read", "click", "learn", "welcome", "phone", "www", "http", "https", "com", "html", "copyright", "reserved",
        "rights",
    };

    public static bool Contains(string folded) => Words.Contains(folded);
}
