using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Tests.Discovery.Extraction;

/// <summary>E-mail addresses, phone numbers and social profiles found in page material.</summary>
public sealed class ContactFinderTests
{
    private static List<string> Emails(string text)
    {
        var sink = new FactSink("https://x.de/");
        EmailFinder.FromText(text, sink);
        return sink.Facts.Select(f => f.Value).ToList();
    }

    private static List<string> Phones(string text, string? region = "DE")
    {
        var sink = new FactSink("https://x.de/");
        PhoneFinder.FromText(text, region, sink, "text");
        return sink.Facts.Select(f => f.Value).ToList();
    }

    [Fact]
    public void Cloudflare_protection_is_undone_with_the_first_byte_as_key()
    {
        // "projekte@brandt-messebau.de" with key 0x5a, as Cloudflare writes it.
        Assert.Equal("projekte@brandt-messebau.de",
            EmailFinder.DecodeCloudflare("5a2a2835303f312e3f1a38283b343e2e77373f29293f383b2f743e3f"));
        Assert.Null(EmailFinder.DecodeCloudflare("5a2"));
        Assert.Null(EmailFinder.DecodeCloudflare("zz11"));
    }

    [Theory]
    [InlineData("Mail: info@firma.de.", "info@firma.de")]
    [InlineData("info [at] firma [dot] de", "info@firma.de")]
    [InlineData("info(at)firma(dot)de", "info@firma.de")]
    [InlineData("hallo (at) klang-werk (punkt) de", "hallo@klang-werk.de")]
    [InlineData("kontakt{at}firma.co.uk", "kontakt@firma.co.uk")]
    [InlineData("E-Mail: office at firma dot at", "office@firma.at")]
    [InlineData("Anna.Berg@Firma.DE", "anna.berg@firma.de")]
    [InlineData("E-Mail:vertrieb@müller-bau.de", "vertrieb@xn--mller-bau-q9a.de")]
    public void Addresses_in_text_are_found_plain_or_obfuscated(string text, string expected)
    {
        Assert.Equal([expected], Emails(text));
    }

    [Theory]
    [InlineData("<img src=\"logo@2x.png\"> logo@2x.png")]
    [InlineData("0f4c7a1b2d3e4f5a6b7c8d9e0f1a2b3c@o123456.ingest.sentry.io")]
    [InlineData("605a7baede844d278b89dc95ae0a9123@sentry-next.wixpress.com")]
    [InlineData("name@example.com and you@domain.com")]
    [InlineData("u003einfo@firma.de")]
    [InlineData("at@ or @firma.de or user@localhost")]
    [InlineData("Treffen wir uns at home, Punkt.")]
    [InlineData("We meet at home dot com every Friday")]
    public void Lookalikes_are_not_addresses(string text)
    {
        Assert.Empty(Emails(text));
    }

    [Fact]
    public void A_mailto_link_gives_each_address_without_its_query()
    {
        var sink = new FactSink("https://x.de/");
        EmailFinder.FromMailto("mailto:Info%40firma.de,sales@firma.de?subject=Hallo&cc=chef@firma.de", sink);

        Assert.Equal(["info@firma.de", "sales@firma.de"], sink.Facts.Select(f => f.Value));
        Assert.All(sink.Facts, f => Assert.Equal("mailto", f.Method));
    }

    [Theory]
    [InlineData("Telefon: 030 398 20 71-0", "+493039820710")]
    [InlineData("Tel.: +49 (0) 89 / 12 34 56 78", "+498912345678")]
    [InlineData("Mobil 0172 4455667", "+491724455667")]
    [InlineData("Ruf an: (030) 1234567", "+49301234567")]
    [InlineData("T +41 44 201 33 40", "+41442013340")]
    [InlineData("UK: 0044 20 7946 0321", "+442079460321")]
    public void Numbers_in_text_become_e164(string text, string expected)
    {
        Assert.Equal([expected], Phones(text));
    }

    [Theory]
    [InlineData("Fax: 030 398 20 71-99")]
    [InlineData("Telefax 0521 9678820")]
    [InlineData("IBAN: DE89 3704 0044 0532 0130 00")]
    [InlineData("Steuernummer: 257/123/45678")]
    [InlineData("USt-IdNr. DE 342 366 712")]
    [InlineData("Am 04.02.2025 und 05.02.2025")]
    [InlineData("Seit 1998 – 2024 über 300 Projekte, PLZ 10553")]
    [InlineData("Bestellnummer A0301234567")]
    [InlineData("HRB 0301234")]
    public void Fax_bank_tax_register_dates_and_codes_are_not_phone_numbers(string text)
    {
        Assert.Empty(Phones(text));
    }

    [Fact]
    public void A_national_number_needs_a_region_and_takes_the_one_given()
    {
        Assert.Empty(Phones("Tel 030 1234567", region: null));
        Assert.Equal(["+431234567"], Phones("Tel 01 234567", region: "AT"));
        Assert.Equal(["+4930123456"], Phones("Tel +49 30 123456", region: null));
    }

    [Fact]
    public void A_tel_link_is_read_and_a_fax_link_skipped()
    {
        var sink = new FactSink("https://x.de/");
        PhoneFinder.FromTelLink("tel:+49-30-398207-10", "Anrufen", "DE", sink);
        PhoneFinder.FromTelLink("tel:%2B493039820799", "Fax", "DE", sink);
        PhoneFinder.FromTelLink("tel:0301234567;ext=12", "Zentrale", "DE", sink);

        Assert.Equal(["+493039820710", "+49301234567"], sink.Facts.Select(f => f.Value));
    }

    [Theory]
    [InlineData("https://de.linkedin.com/company/Brandt-Messebau/about/",
        "https://www.linkedin.com/company/brandt-messebau")]
    [InlineData("https://www.linkedin.com/school/tu-berlin", "https://www.linkedin.com/school/tu-berlin")]
    [InlineData("http://instagram.com/Brandt.Messebau?hl=de", "https://www.instagram.com/brandt.messebau")]
    [InlineData("https://m.facebook.com/pg/FirmaX/about/", "https://www.facebook.com/firmax")]
    [InlineData("https://www.facebook.com/profile.php?id=1000645", "https://www.facebook.com/profile.php?id=1000645")]
    [InlineData("https://twitter.com/ThamesStands", "https://x.com/thamesstands")]
    [InlineData("https://www.youtube.com/channel/UCx3Kq9zY1AbCd", "https://www.youtube.com/channel/UCx3Kq9zY1AbCd")]
    [InlineData("https://youtube.com/@BrandtMessebau", "https://www.youtube.com/@BrandtMessebau")]
    [InlineData("https://www.xing.com/pages/brandt-messebau-gmbh", "https://www.xing.com/pages/brandt-messebau-gmbh")]
    [InlineData("https://www.tiktok.com/@PixelBridge", "https://www.tiktok.com/@pixelbridge")]
    public void Social_profiles_are_canonical(string link, string expected)
    {
        Assert.Equal(expected, SocialLinks.Canonical(link));
    }

    [Theory]
    [InlineData("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fx.de")]
    [InlineData("https://www.linkedin.com/shareArticle?mini=true&url=x")]
    [InlineData("https://www.linkedin.com/in/jan-brandt/")]
    [InlineData("https://twitter.com/intent/tweet?text=hi")]
    [InlineData("https://www.instagram.com/p/C8xYz12AbC/")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.xing.com/profile/Jan_Brandt")]
    [InlineData("https://www.facebook.com/")]
    [InlineData("https://example.com/company/x")]
    [InlineData("not a url")]
    public void Shares_posts_and_personal_profiles_are_no_company_profile(string link)
    {
        Assert.Null(SocialLinks.Canonical(link));
    }
}
