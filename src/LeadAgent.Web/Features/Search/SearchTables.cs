namespace LeadAgent.Web.Features.Search;

/// <summary>One searched column: its name in the index and how it is read from a row (<c>{r}</c> is the row).</summary>
internal sealed record SearchColumn(string Name, string Expression)
{
    public string Of(string? row) => Expression.Replace("{r}.", row is null ? "" : row + ".").Trim();
}

/// <summary>A table whose text the search finds by substring, through a trigram index.</summary>
internal sealed record SearchTable(string Table, IReadOnlyList<SearchColumn> Columns, IReadOnlyList<string> Reads)
{
    /// <summary>The SQLite FTS5 table holding this table's text, keyed by the row's rowid.</summary>
    public string Fts => Table + "Search";

    /// <summary>The searched text and the columns it is made of, for every table the search reads.</summary>
    public static readonly SearchTable Companies = new("Companies",
        [new("Name", """{r}."Name" """), new("Domain", """{r}."Domain" """), new("City", """{r}."City" """)],
        ["Name", "Domain", "City"]);

    public static readonly SearchTable Contacts = new("Contacts",
        [new("Name", """{r}."FirstName" || ' ' || coalesce({r}."LastName", '')""")], ["FirstName", "LastName"]);

    public static readonly SearchTable ContactIdentities = new("ContactIdentities",
        [new("Value", """{r}."Value" """)], ["Value"]);

    public static readonly SearchTable Leads = new("Leads", [new("Title", """{r}."Title" """)], ["Title"]);

    public static readonly SearchTable Conversations = new("Conversations",
        [new("DisplayName", """{r}."DisplayName" """), new("Email", """{r}."Email" """),
            new("Phone", """{r}."Phone" """)],
        ["DisplayName", "Email", "Phone"]);

    public static readonly SearchTable Messages = new("Messages", [new("Text", """{r}."Text" """)], ["Text"]);

    public static readonly IReadOnlyList<SearchTable> All =
        [Companies, Contacts, ContactIdentities, Leads, Conversations, Messages];
}
