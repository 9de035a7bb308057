using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Tests.Discovery.Extraction;

/// <summary>VAT numbers with their check digits, register entries, legal names and postal addresses.</summary>
public sealed class LegalIdTests
{
    private static List<string> Found(string text, Action<string, FactSink, string> finder)
    {
        var sink = new FactSink("https://x.de/");
        finder(text, sink, "impressum");
        return sink.Facts.Select(f => f.Value).ToList();
    }

    [Theory]
    // Published examples: python-stdnum's DE136695976, ATU13585627, CHE-100.155.212, GB 980 7806 84.
    [InlineData("DE136695976", "DE136695976")]
    [InlineData("DE 136 695 976", "DE136695976")]
    [InlineData("ATU13585627", "ATU13585627")]
    [InlineData("AT U 13585627", "ATU13585627")]
    [InlineData("CHE-100.155.212 MWST", "CHE100155212")]
    [InlineData("GB 980 7806 84", "GB980780684")]
    [InlineData("GB980780684001", "GB980780684001")]
    [InlineData("FR40303265045", "FR40303265045")]
    [InlineData("NL004495445B01", "NL004495445B01")]
    [InlineData("IT00743110157", "IT00743110157")]
    public void Valid_vat_numbers_are_normalised(string written, string expected)
    {
        Assert.Equal(expected, VatIds.Normalize(written));
    }

    [Theory]
    [InlineData("DE136695977")]      // check digit off by one
    [InlineData("DE13669597")]       // too short
    [InlineData("DE1366959761")]     // too long
    [InlineData("ATU13585626")]
    [InlineData("CHE-100.155.213")]
    [InlineData("GB 980 7806 85")]
    [InlineData("NL004495445A01")]
    public void Vat_numbers_failing_their_check_or_format_are_dropped(string written)
    {
        Assert.Null(VatIds.Normalize(written));
    }

    [Fact]
    public void Vat_numbers_are_found_in_text_without_running_into_what_follows()
    {
        var text = "USt-IdNr.: DE 136 695 976 10115 Berlin · IBAN DE89 3704 0044 0532 0130 00 · alt: DE136695977\n"
            + "VAT Reg. No. 980 7806 84\nTRN: 100234567800003\nUID ATU13585627";

        Assert.Equal(["DE136695976", "ATU13585627", "GB980780684", "AE100234567800003"],
            Found(text, VatIds.FromText));
    }

    [Theory]
    [InlineData("Registergericht: Amtsgericht Charlottenburg\nRegisternummer: HRB 187345 B",
        "HRB 187345 B, Amtsgericht Charlottenburg")]
    [InlineData("Amtsgericht Frankfurt am Main, HRB 12345", "HRB 12345, Amtsgericht Frankfurt am Main")]
    [InlineData("eingetragen beim AG München unter HRB 98765", "HRB 98765")]
    [InlineData("Registergericht: München HRA 4567", "HRA 4567, Amtsgericht München")]
    [InlineData("Firmenbuchnummer: 456789 k, Firmenbuchgericht: Handelsgericht Wien",
        "FN 456789k, Handelsgericht Wien")]
    [InlineData("FN 123456a, Landesgericht Linz", "FN 123456a, Landesgericht Linz")]
    [InlineData("Registered in England and Wales, company number 8123456", "Companies House 08123456")]
    [InlineData("Company No: SC123456", "Companies House SC123456")]
    [InlineData("Trade License No. 784512", "Trade License 784512")]
    [InlineData("Vereinsregister VR 2345, Amtsgericht Köln", "VR 2345, Amtsgericht Köln")]
    public void Register_entries_are_written_one_way(string text, string expected)
    {
        Assert.Equal([expected], Found(text, Registers.FromText));
    }

    [Theory]
    [InlineData("Unsere VR 360 Brille und PR 2 Kampagne")]
    [InlineData("A company with 250000 employees")]
    [InlineData("Registration 12345678")]
    public void Product_names_and_numbers_are_no_register_entries(string text)
    {
        Assert.Empty(Found(text, Registers.FromText));
    }

    [Theory]
    [InlineData("Angaben gemäß § 5 DDG: Brandt Messebau GmbH", "Brandt Messebau GmbH", "GmbH")]
    [InlineData("Klangwerk Events UG (haftungsbeschränkt)", "Klangwerk Events UG (haftungsbeschränkt)",
        "UG (haftungsbeschränkt)")]
    [InlineData("© 2019–2024 Hofmann Eventtechnik GmbH & Co. KG", "Hofmann Eventtechnik GmbH & Co. KG",
        "GmbH & Co. KG")]
    [InlineData("Getränke Weber e. K.", "Getränke Weber e. K.", "e.K.")]
    [InlineData("Thames Stand Builders Limited", "Thames Stand Builders Limited", "Ltd")]
    [InlineData("Falcon Exhibits L.L.C.", "Falcon Exhibits L.L.C.", "LLC")]
    [InlineData("PixelBridge Media FZ LLC", "PixelBridge Media FZ LLC", "FZ-LLC")]
    public void Company_names_with_a_legal_form_are_recognised(string text, string name, string form)
    {
        Assert.Equal((name, form), LegalNames.Parse(text));
    }

    [Theory]
    [InlineData("Wir arbeiten für die Messe Berlin GmbH und andere")]
    [InlineData("Google Ireland Limited")]
    [InlineData("Persönlich haftende Gesellschafterin ist die Verwaltungs GmbH")]
    [InlineData("GmbH")]
    public void Sentences_third_parties_and_labels_are_no_company_name(string text)
    {
        Assert.Null(LegalNames.Parse(text));
    }

    [Theory]
    [InlineData("Musterstraße 12, 3. OG\n10115 Berlin", "Musterstraße 12|10115|Berlin|DE")]
    [InlineData("Anschrift: Am Markt 1 · D-33602 Bielefeld", "Am Markt 1|33602|Bielefeld|DE")]
    [InlineData("Mariahilfer Straße 88/3/12\nA-1070 Wien", "Mariahilfer Straße 88/3/12|1070|Wien|AT")]
    [InlineData("Seestrasse 120\n8002 Zürich\nSchweiz", "Seestrasse 120|8002|Zürich|CH")]
    [InlineData("Postfach 1234\n10115 Berlin\nDeutschland", "|10115|Berlin|DE")]
    [InlineData("21 Wharf Road, London N1 7GR", "21 Wharf Road|N1 7GR|London|GB")]
    [InlineData("10 Fleet Street\nLondon\nEC4Y1AA", "10 Fleet Street|EC4Y 1AA|London|GB")]
    [InlineData("Office 1408, Churchill Tower\nP.O. Box 118822, Dubai, UAE", "Office 1408, Churchill Tower||Dubai|AE")]
    public void Postal_addresses_are_read_from_lines(string text, string expected)
    {
        var a = AddressParser.Find(text.Split('\n'), null);

        Assert.NotNull(a);
        Assert.Equal(expected, $"{a.Street}|{a.Postcode}|{a.City}|{a.Country}");
    }

    [Theory]
    [InlineData("1000 Mitarbeiter")]
    [InlineData("2024 Projekte in ganz Europa")]
    [InlineData("2024 Brandt Messebau GmbH")]
    public void Numbers_before_words_are_no_postcode_and_town(string text)
    {
        Assert.Null(AddressParser.Find([text], null));
    }
}
