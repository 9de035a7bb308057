using System.Text;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Companies.Import;
using LeadAgent.Web.Features.Imports;

namespace LeadAgent.Tests.Imports;

/// <summary>How single cells and records are read: quoting, amounts with currencies, employee counts.</summary>
public sealed class ImportValueTests
{
    [Fact]
    public void Spaces_after_a_closing_quote_are_dropped_and_quoted_spaces_kept()
    {
        var csv = Encoding.UTF8.GetBytes("A,\"B\" ,C\r\n\" x \" , y ,\"z\"\t\r\n");
        var records = CsvFile.Records(csv, new CsvLayout(CsvFile.Utf8, ',', false), null, Ct).ToList();
        Assert.Equal(["A", "B", "C"], records[0]);
        Assert.Equal([" x ", "y", "z"], records[1]);
    }

    [Theory]
    [InlineData("CHF 12'000", "12000", "CHF")]
    [InlineData("1'234.50", "1234.50", null)]
    [InlineData("1’234,5", "1234.5", null)]
    [InlineData("12.000,- €", "12000", "EUR")]
    [InlineData("Fr. 99.–", "99", "CHF")]
    [InlineData("US$ 1,500.25", "1500.25", "USD")]
    [InlineData("2500 eur", "2500", "EUR")]
    [InlineData("€-5", "-5", "EUR")]
    public void Amounts_are_read_with_the_currency_they_name(string cell, string amount, string? currency)
    {
        Assert.True(ImportAmounts.TryParse(cell, out var value, out var named));
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(currency, named);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("EUR 5 USD")]
    [InlineData("€")]
    public void Cells_without_a_number_or_with_two_currencies_are_no_amount(string cell) =>
        Assert.False(ImportAmounts.TryParse(cell, out _, out _));

    [Theory]
    [InlineData("8", SizeBand.Micro)]
    [InlineData("11-50", SizeBand.Small)]
    [InlineData("120", SizeBand.Medium)]
    [InlineData("501-1,000", SizeBand.Large)]
    [InlineData("10,001+", SizeBand.Enterprise)]
    public void Employee_counts_give_a_size_band(string cell, SizeBand band) =>
        Assert.Equal(band, CompanyRows.EmployeeBand(cell));

    [Fact]
    public void Repeated_headers_are_numbered_after_those_already_taken()
    {
        var headers = CsvFile.DisplayHeaders(["Name", "Name (2)", "name", "", "NAME"], 6);
        Assert.Equal(["Name", "Name (2)", "name (3)", "Column 4", "NAME (4)", "Column 6"], headers.ToArray());
    }
}
