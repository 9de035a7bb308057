using System.Globalization;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Search;

/// <summary>
/// The ids a search finds through the trigram indexes (FTS5 on SQLite, pg_trgm on PostgreSQL), in order: names that
/// start with the query first, then names and texts that contain it; on SQLite the newest rows first within each.
/// Each step stops at the number wanted, so a word found in every row costs no more than a rare one.
/// </summary>
internal sealed class SearchCandidates(AppDbContext db, string query, CancellationToken ct)
{
    private const string Live = """r."ArchivedAt" IS NULL AND r."MergedIntoId" IS NULL""";

    /// <summary>Trigram indexes find queries of three characters or more; shorter ones scan.</summary>
    public static bool CanUse(string query) => new StringInfo(query).LengthInTextElements >= 3;

    public async Task<List<Guid>> CompaniesAsync(int take) =>
        await NamedAsync(SearchTable.Companies, "Name", Live, take);

    public async Task<List<Guid>> ContactsAsync(string? phone, int take)
    {
        var ids = await NamedAsync(SearchTable.Contacts, "Name", Live, take);
        const string LiveContact = """r."Kind" <> 'RespondIo' AND EXISTS (SELECT 1 FROM "Contacts" c """
            + """WHERE c."Id" = r."ContactId" AND c."ArchivedAt" IS NULL AND c."MergedIntoId" IS NULL)""";
        await AddAsync(ids, take, SearchTable.ContactIdentities, "r.\"ContactId\"", LiveContact, query);
        if (phone is not null)
        {
            await AddAsync(ids, take, SearchTable.ContactIdentities, "r.\"ContactId\"",
                LiveContact + " AND r.\"Kind\" = 'Phone'", phone);
        }
        return ids;
    }

    public async Task<List<Guid>> LeadsAsync(int take) =>
        await NamedAsync(SearchTable.Leads, "Title", """r."ArchivedAt" IS NULL""", take);

    public async Task<List<Guid>> ConversationsAsync(string? phone, int take)
    {
        var ids = new List<Guid>();
        await AddAsync(ids, take, SearchTable.Conversations, "r.\"Id\"", "1 = 1", query);
        if (phone is not null)
        {
            await AddAsync(ids, take, SearchTable.Conversations, "r.\"Id\"", "1 = 1", phone);
        }
        await AddAsync(ids, take, SearchTable.Messages, "r.\"ConversationId\"", "1 = 1", query);
        return ids;
    }

    private async Task<List<Guid>> NamedAsync(SearchTable table, string name, string filter, int take)
    {
        var ids = new List<Guid>();
        await AddAsync(ids, take, table, "r.\"Id\"", filter, query, table.Columns.Single(c => c.Name == name));
        await AddAsync(ids, take, table, "r.\"Id\"", filter, query);
        return ids;
    }

    // Adds up to take - ids.Count new ids whose text contains the query (or whose name starts with it).
    private async Task AddAsync(List<Guid> ids, int take, SearchTable t, string select, string filter, string text,
        SearchColumn? startsWith = null)
    {
        if (ids.Count >= take)
        {
            return;
        }
        // A contact has several identities and a conversation many messages: ask for more rows than ids missing.
        var perId = t == SearchTable.Messages ? 10 : t == SearchTable.ContactIdentities ? 2 : 1;
        var limit = (take + ids.Count) * perId;
        string sql;
        var args = new List<object>();
        if (db.IsSqlite)
        {
            if (startsWith is not null && (text.Contains('%') || text.Contains('_')))
            {
                return; // LIKE would read them as wildcards; such names still come as containing the query
            }
            args.Add("\"" + text.Replace("\"", "\"\"") + "\"");
            var prefix = "";
            if (startsWith is not null)
            {
                prefix = $"AND \"{t.Fts}\".\"{startsWith.Name}\" LIKE {{1}} ";
                args.Add(text + "%");
            }
            // MATCH wants the FTS table's own name, not an alias.
            var fts = $"\"{t.Fts}\"";
            sql = $"SELECT {select} AS \"Value\" FROM {fts} JOIN \"{t.Table}\" r ON r.rowid = {fts}.rowid "
                + $"WHERE {fts} MATCH {{0}} {prefix}AND {filter} ORDER BY {fts}.rowid DESC LIMIT {limit}";
        }
        else
        {
            var escaped = text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            var where = startsWith is null
                ? "(" + string.Join(" OR ", t.Columns.Select(c => $"lower({c.Of("r")}) LIKE {{0}}")) + ")"
                : $"lower({startsWith.Of("r")}) LIKE {{0}}";
            args.Add(startsWith is null ? "%" + escaped + "%" : escaped + "%");
            sql = $"SELECT {select} AS \"Value\" FROM \"{t.Table}\" r WHERE {where} AND {filter} LIMIT {limit}";
        }
        foreach (var id in await db.Database.SqlQueryRaw<Guid>(sql, [.. args]).ToListAsync(ct))
        {
            if (ids.Count < take && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }
    }
}
