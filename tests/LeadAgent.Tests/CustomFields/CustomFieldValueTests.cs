using LeadAgent.Web.Features.CustomFields;

namespace LeadAgent.Tests.CustomFields;

/// <summary>How values are read as people write them and stored in one form per type; keys made from labels.</summary>
public sealed class CustomFieldValueTests
{
    [Theory]
    [InlineData(CustomFieldType.Number, "12.500,50", "12500.5")]
    [InlineData(CustomFieldType.Number, "1,234.00", "1234")]
    [InlineData(CustomFieldType.Number, "CHF 1'000", null)]
    [InlineData(CustomFieldType.Number, "€ 99", "99")]
    [InlineData(CustomFieldType.Number, "-0,5", "-0.5")]
    [InlineData(CustomFieldType.Number, "Room 12", null)]
    [InlineData(CustomFieldType.Date, "24.03.2027", "2027-03-24")]
    [InlineData(CustomFieldType.Date, "2027-3-4", "2027-03-04")]
    [InlineData(CustomFieldType.Date, "31.02.2027", null)]
    [InlineData(CustomFieldType.YesNo, "Ja", "true")]
    [InlineData(CustomFieldType.YesNo, "0", "false")]
    [InlineData(CustomFieldType.YesNo, "maybe", null)]
    [InlineData(CustomFieldType.Text, "  Halle 4 ", "Halle 4")]
    [InlineData(CustomFieldType.Text, "bell\u0007", null)]
    public void Values_are_stored_in_one_form_per_type(CustomFieldType type, string raw, string? stored)
    {
        var ok = CustomFieldValues.TryNormalize(type, raw, out var value, out var error);
        Assert.Equal(stored is not null, ok);
        if (ok)
        {
            Assert.Equal(stored, value);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(error));
        }
    }

    [Fact]
    public void The_type_fits_every_sample()
    {
        Assert.Equal(CustomFieldType.Number, CustomFieldValues.Infer(["1.200", "", "3,5", null]));
        Assert.Equal(CustomFieldType.Date, CustomFieldValues.Infer(["24.03.2027", "2027-01-01"]));
        Assert.Equal(CustomFieldType.YesNo, CustomFieldValues.Infer(["yes", "No", "JA"]));
        Assert.Equal(CustomFieldType.Text, CustomFieldValues.Infer(["12", "twelve"]));
        Assert.Equal(CustomFieldType.Text, CustomFieldValues.Infer(["", null]));
    }

    [Theory]
    [InlineData("Anzahl Mitarbeiter (2024)", "anzahl_mitarbeiter_2024")]
    [InlineData("Größe", "groesse")]
    [InlineData("Café élan", "cafe_elan")]
    [InlineData("2024 revenue", "f_2024_revenue")]
    [InlineData("!!!", "f")]
    public void Keys_are_made_from_labels(string label, string key)
    {
        Assert.Equal(key, CustomFieldValues.KeyFor(label));
        Assert.True(CustomFieldValues.IsKey(key));
    }
}
