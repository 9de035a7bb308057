namespace LeadAgent.Web.Features.Accounts.Passwords;

/// <summary>
/// The 10,000 most common passwords (SecLists, MIT licence), embedded in the app and loaded once. A password counts
/// as common when it is on the list itself, or is a listed word with digits or symbols around it
/// ("Password2024!") or repeated ("dragondragon"), the usual ways of stretching a weak word to the minimum length.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => Candidates(password).Any(List.Value.Contains);

    /// <summary>The password lowered, with what surrounds its letters stripped, and the unit of a repetition.</summary>
    internal static IEnumerable<string> Candidates(string password)
    {
        var lower = password.ToLowerInvariant();
        yield return lower;
        var core = lower.Trim(Surrounding(lower));
        if (core.Length > 0 && core != lower)
        {
            yield return core;
        }
        if (RepeatedUnit(core) is { } unit)
        {
            yield return unit;
        }
    }

    /// <summary>Digits, symbols and spaces at either end (everything that is not a letter).</summary>
    internal static char[] Surrounding(string text) => text.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    private static string? RepeatedUnit(string text)
    {
        for (var size = 1; size <= text.Length / 2; size++)
        {
            if (text.Length % size == 0 && text == string.Concat(Enumerable.Repeat(text[..size], text.Length / size)))
            {
                return text[..size];
            }
        }
        return null;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("LeadAgent.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the app.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
            {
                set.Add(word.ToLowerInvariant());
            }
        }
        return set;
    }
}
