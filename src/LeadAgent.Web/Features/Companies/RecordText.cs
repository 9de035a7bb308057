using System.Diagnostics.CodeAnalysis;

namespace LeadAgent.Web.Features.Companies;

/// <summary>Fits text from elsewhere (a message sender, a merged record's name) into a column's length limit.</summary>
public static class RecordText
{
    /// <summary>The text cut to <paramref name="max"/> characters; null stays null.</summary>
    [return: NotNullIfNotNull(nameof(s))]
    public static string? Fit(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
