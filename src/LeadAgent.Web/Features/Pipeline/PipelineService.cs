using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Money;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Pipeline;

/// <summary>The pipeline board: leads by status with totals in the workspace currency; moves go through
/// <see cref="LeadService"/> like any other edit.</summary>
public sealed class PipelineService(
    IDbContextFactory<AppDbContext> dbFactory, LeadService leads, IOptions<CrmOptions> options)
{
    public const int CardsPerColumn = 50;

    public async Task<PipelineBoard> GetAsync(LeadFilter filter, string? userId, CancellationToken ct = default)
    {
        var errors = new Errors();
        filter = filter with { Status = null };
        filter.Validate(errors);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var converter = await CurrencyConverter.LoadAsync(db, options.Value, ct);
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var query = LeadQueries.Filtered(db, filter, userId);
        var counts = await query.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        // Decimal sums are done here: SQLite has no exact decimal aggregate.
        var values = await query.Where(l => l.ExpectedValue != null)
            .Select(l => new { l.Status, l.Currency, Value = l.ExpectedValue!.Value }).ToListAsync(ct);
        var columns = new List<PipelineColumn>();
        foreach (var status in Enum.GetValues<LeadStatus>())
        {
            var rows = await query.Where(l => l.Status == status)
                .OrderBy(l => l.NextActionOn == null).ThenBy(l => l.NextActionOn).ThenByDescending(l => l.UpdatedAt)
                .ThenBy(l => l.Id)
                .Take(CardsPerColumn).ToRows().ToListAsync(ct);
            var total = converter.Sum(values.Where(v => v.Status == status).Select(v => (v.Value, v.Currency)), today);
            columns.Add(new PipelineColumn(status, counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0, total,
                rows.Select(r => Card(r, converter, today)).ToList()));
        }
        return new PipelineBoard(converter.Workspace, columns);
    }

    /// <summary>Moves the lead to the status; a lead changed since it was read is refused (409).</summary>
    public async Task<PipelineCard> MoveAsync(PipelineMove move, CancellationToken ct = default)
    {
        var row = await leads.SetStatusAsync(move.LeadId, move.Status, move.Version, ct);
        var converter = await CurrencyConverterAsync(ct);
        return Card(row, converter.Converter, converter.Today);
    }

    private async Task<(CurrencyConverter Converter, DateOnly Today)> CurrencyConverterAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await CurrencyConverter.LoadAsync(db, options.Value, ct),
            DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime));
    }

    private static PipelineCard Card(LeadRow r, CurrencyConverter converter, DateOnly today) => new(
        r.Id, r.Title, r.Status, r.CompanyId, r.CompanyName, r.ExpectedValue, r.Currency,
        r.ExpectedValue is { } v ? converter.Convert(v, r.Currency, today) : null, r.OwnerName, r.NextActionOn,
        r.Version);
}
