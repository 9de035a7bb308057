namespace LeadAgent.Market;

/// <summary>Seeded choices; every random decision in the market goes through one <see cref="Random"/>.</summary>
internal static class RandomPicks
{
    public static T Pick<T>(this Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    public static bool Chance(this Random r, double p) => r.NextDouble() < p;

    /// <summary>A stable string hash (string.GetHashCode differs per process; the market must not).</summary>
    public static uint Stable(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }
        return h;
    }
}
