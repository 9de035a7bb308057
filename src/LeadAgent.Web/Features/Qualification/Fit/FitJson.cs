using System.Text.Json;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>The JSON forms of a fit's evidence and factors, kept within their columns' limits.</summary>
public static class FitJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Evidence(IReadOnlyList<string> evidence)
    {
        var items = evidence.Select(e => e.Length > 200 ? e[..200] : e).ToList();
        var json = JsonSerializer.Serialize(items, Options);
        while (json.Length > CompanyFit.EvidenceMax && items.Count > 0)
        {
            items.RemoveAt(items.Count - 1);
            json = JsonSerializer.Serialize(items, Options);
        }
        return json;
    }

    public static string Factors(IReadOnlyList<FitFactor> factors)
    {
        var items = factors.Select(f => f.Detail.Length > 400 ? f with { Detail = f.Detail[..400] } : f).ToList();
        var json = JsonSerializer.Serialize(items, Options);
        while (json.Length > CompanyFit.FactorsMax && items.Count > 0)
        {
            items.RemoveAt(items.Count - 1);
            json = JsonSerializer.Serialize(items, Options);
        }
        return json;
    }

    public static IReadOnlyList<string> ReadEvidence(string? json) => Read<List<string>>(json) ?? [];

    public static IReadOnlyList<FitFactor> ReadFactors(string? json) => Read<List<FitFactor>>(json) ?? [];

    private static T? Read<T>(string? json) where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
