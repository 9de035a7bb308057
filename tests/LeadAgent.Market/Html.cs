using System.Globalization;

namespace LeadAgent.Market;

/// <summary>Small helpers for writing pages by hand: escaping (UTF-8 stays as is) and number formats.</summary>
internal static class Html
{
    public static string E(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>1.200 in German, 1,200 in English (no culture data needed).</summary>
    public static string Thousands(int n, bool german) =>
        n.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", german ? "." : ",", StringComparison.Ordinal);

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A JSON string literal (for JSON-LD written by hand).</summary>
    public static string J(string text) => System.Text.Json.JsonSerializer.Serialize(text, Relaxed);

    // Umlauts stay readable in JSON-LD, as most sites write them.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
