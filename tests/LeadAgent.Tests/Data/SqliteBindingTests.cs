using System.Globalization;
using System.Text;
using LeadAgent.Web.Data;

namespace LeadAgent.Tests.Data;

public sealed class SqliteBindingTests
{
    public static TheoryData<DateTime> Dates() => new(
        new DateTime(2026, 1, 2, 3, 4, 5),
        new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999),
        new DateTime(1, 1, 1),
        new DateTime(9999, 12, 31, 23, 59, 59).AddTicks(9_999_999),
        new DateTime(2026, 6, 1, 12, 0, 0).AddTicks(1),
        new DateTime(2026, 6, 1, 12, 0, 0).AddTicks(1_230_000),
        new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Local).AddTicks(5_000_000));

    [Theory]
    [MemberData(nameof(Dates))]
    public void Dates_are_written_exactly_as_the_format_string_writes_them(DateTime value) =>
        Assert.Equal(value.ToString(SqliteBinding.DateTimeFormat, CultureInfo.InvariantCulture), Format(value));

    [Fact]
    public void A_hundred_thousand_random_dates_match_the_format_string()
    {
        var random = new Random(42);
        for (var i = 0; i < 100_000; i++)
        {
            // Every tick count is possible; a tenth of them on whole seconds, where the fraction and its dot go.
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            var value = new DateTime(i % 10 == 0 ? ticks - ticks % TimeSpan.TicksPerSecond : ticks);
            Assert.Equal(value.ToString(SqliteBinding.DateTimeFormat, CultureInfo.InvariantCulture), Format(value));
        }
    }

    private static string Format(DateTime value)
    {
        Span<byte> buffer = stackalloc byte[32];
        return Encoding.ASCII.GetString(buffer[..SqliteBinding.FormatDateTime(value, buffer)]);
    }
}
