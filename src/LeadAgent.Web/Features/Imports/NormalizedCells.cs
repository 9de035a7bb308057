using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// The normalised forms of one batch's cells: websites → registrable domains, e-mail addresses, phones → E.164,
/// company name keys. Parsing them is most of a row's CPU time, so <see cref="Of"/> computes them on another thread
/// while the previous batch is being saved; the batch then only looks them up (anything not computed ahead is
/// computed on demand).
/// Not thread-safe: filled by one thread, then handed over to the one that applies the batch.
/// </summary>
internal sealed class NormalizedCells(string? defaultCountry)
{
    /// <summary>The columns that hold phones and e-mail addresses, in every kind of import.</summary>
    public static readonly string[] PhoneFields = ["phone", "contact_phone", "whatsapp"];
    public static readonly string[] EmailFields = ["email", "contact_email"];

    private readonly Dictionary<string, (string? Url, string? Domain, string? Error)> _websites = [];
    private readonly Dictionary<string, (string? Value, string? Error)> _emails = [];
    private readonly Dictionary<(string, string), (string? Value, string? Error)> _phones = [];
    private readonly Dictionary<string, string> _nameKeys = [];

    /// <summary>
    /// Region for phones written without a country code: the row's own country, else the run's default (a default
    /// chosen for the file must not reread a Swiss number of a Swiss row as German).
    /// </summary>
    public string Region(string? rowCountry) => rowCountry ?? defaultCountry ?? "ZZ";

    /// <summary>The region for this row's phones, from its company's country.</summary>
    public string Region(ImportRow r) => Region(r.KnownCountry("country") ?? r.KnownCountry("company_country"));

    public (string? Url, string? Domain, string? Error) Website(string? text) =>
        text is null ? default : Memo(_websites, text, DomainName.Parse);

    public (string? Value, string? Error) Email(string text) => Memo(_emails, text, ContactPoints.Email);

    public (string? Value, string? Error) Phone(string text, string region) =>
        Memo(_phones, (text, region), static k => ContactPoints.Phone(k.Item1, k.Item2));

    public string NameKey(string? name) => name is null ? "" : Memo(_nameKeys, name, CompanyNames.Key);

    /// <summary>Normalises every cell of these rows that matching and saving will ask for.</summary>
    public static NormalizedCells Of(IReadOnlyList<ImportRow> rows, string? defaultCountry)
    {
        var cells = new NormalizedCells(defaultCountry);
        foreach (var r in rows)
        {
            cells.Website(r["website"]);
            cells.Website(r["company_domain"]);
            cells.NameKey(r["name"]);
            cells.NameKey(r["company_name"]);
            var region = cells.Region(r);
            foreach (var f in PhoneFields)
            {
                if (r[f] is { } p)
                {
                    cells.Phone(p, region);
                }
            }
            foreach (var f in EmailFields)
            {
                if (r[f] is { } e)
                {
                    cells.Email(e);
                }
            }
        }
        return cells;
    }

    private static TValue Memo<TKey, TValue>(Dictionary<TKey, TValue> cache, TKey key, Func<TKey, TValue> compute)
        where TKey : notnull
    {
        if (!cache.TryGetValue(key, out var value))
        {
            cache[key] = value = compute(key);
        }
        return value;
    }
}
