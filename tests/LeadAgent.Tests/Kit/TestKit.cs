namespace LeadAgent.Tests.Kit;

/// <summary>What every test reaches for; every file has it through <c>global using static</c>.</summary>
public static class TestKit
{
    /// <summary>Cancelled when the run is aborted, so a hung call does not hold the run.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A short random text that keeps a test's records apart from other tests' on the same app.</summary>
    public static string Unique(int length = 6) => Guid.NewGuid().ToString("N")[..length];

    /// <summary>
    /// Like <see cref="Unique"/> but letters only (a to p), for a word that text analysis must keep: hex can come
    /// out all digits, and a token mostly of digits is read as a number and left out.
    /// </summary>
    public static string UniqueWord(int length = 8) =>
        string.Concat(Unique(length).Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
}
