using LeadAgent.Web.Features.Duplicates;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Kit;

/// <summary>The review queue of likely duplicates, read through the API.</summary>
public static class DuplicateQueue
{
    /// <summary>Every open pair of the kind, across all pages.</summary>
    public static async Task<List<DuplicatePairDto>> AllOpenAsync(HttpClient c, DuplicateKind kind)
    {
        var all = new List<DuplicatePairDto>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/duplicates?kind={kind}&limit=200{(cursor is null ? "" : "&cursor=" + cursor)}";
            var page = await (await c.GetAsync(url, Ct)).ReadAsync<Page<DuplicatePairDto>>();
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
