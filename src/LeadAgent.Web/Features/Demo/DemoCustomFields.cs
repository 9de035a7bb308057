using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.CustomFields;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Demo;

/// <summary>Demo custom fields: the trade fair a lead is for and its date, as a supplier's team keeps them.</summary>
internal static class DemoCustomFields
{
    private static readonly string[] Fairs =
        ["IMEX Frankfurt", "Arabian Travel Market Dubai", "The Meetings Show London", "ITB Berlin", "GITEX Dubai"];

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        (string Key, string Label, CustomFieldType Type)[] fields =
            [("trade_fair", "Trade fair", CustomFieldType.Text), ("event_date", "Event date", CustomFieldType.Date)];
        foreach (var (key, label, type) in fields)
        {
            if (!await db.CustomFields.AnyAsync(f => f.Record == FieldRecord.Lead && f.Key == key, ct))
            {
                db.CustomFields.Add(new CustomField
                {
                    Record = FieldRecord.Lead,
                    Key = key,
                    Label = label,
                    Type = type,
                });
            }
        }
    }

    /// <summary>The fair and its date of a lead tagged trade-fair (own seed: other demo values stay).</summary>
    public static Dictionary<string, string> ForFairLead(int seed, DateTime now)
    {
        var rnd = new Random(seed);
        return new()
        {
            ["trade_fair"] = Fairs[rnd.Next(Fairs.Length)],
            ["event_date"] = DateOnly.FromDateTime(now.AddDays(rnd.Next(20, 240)))
                .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
