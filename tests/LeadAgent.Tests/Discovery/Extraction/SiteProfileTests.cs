using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Tests.Discovery.Extraction;

/// <summary>How several pages' facts merge into one company.</summary>
public sealed class SiteProfileTests
{
    private static PageExtract Page(string url, PageKind kind, params (string Field, string Value, string How)[] facts)
    {
        var list = facts.Select(f => new Fact(f.Field, f.Value, url, f.How)).ToList();
        return new PageExtract(new Uri(url), kind, null, null, null, "", list, [], false, false);
    }

    [Fact]
    public void The_imprint_wins_for_legal_fields_then_json_ld_then_other_pages()
    {
        var pages = new[]
        {
            Page("https://www.kern.de/", PageKind.Home,
                ("legalName", "Kern Holzbau GmbH", "text"), ("city", "Freiburg", "text"),
                ("street", "Alter Weg 1", "text"), ("postcode", "79100", "text"),
                ("legalName", "Holzbau Kern GmbH", "json-ld"), ("vatId", "DE136695976", "json-ld"),
                ("name", "Holzbau Kern", "json-ld"), ("name", "Kern", "meta")),
            Page("https://www.kern.de/impressum", PageKind.Imprint,
                ("legalName", "Holzbau Kern GmbH & Co. KG", "impressum"), ("legalForm", "GmbH & Co. KG", "impressum"),
                ("street", "Talweg 4", "impressum"), ("postcode", "79098", "impressum"),
                ("city", "Freiburg im Breisgau", "impressum"),
                ("register", "HRA 1234, Amtsgericht Freiburg", "impressum")),
        };

        var p = SiteProfile.From(pages, "kern.de");

        Assert.Equal("Holzbau Kern", p.Name);
        Assert.Equal(("Holzbau Kern GmbH & Co. KG", "GmbH & Co. KG"), (p.LegalName, p.LegalForm));
        Assert.Equal(("Talweg 4", "79098", "Freiburg im Breisgau"), (p.Street, p.Postcode, p.City));
        Assert.Equal("DE136695976", p.VatId);
        Assert.Equal("HRA 1234, Amtsgericht Freiburg", p.Register);
    }

    [Fact]
    public void Address_parts_are_never_mixed_from_two_sources()
    {
        var pages = new[]
        {
            Page("https://kern.de/kontakt", PageKind.Contact, ("street", "Talweg 4", "text"),
                ("postcode", "79098", "text")),
            Page("https://kern.de/", PageKind.Home, ("city", "Freiburg", "json-ld"), ("country", "DE", "json-ld")),
        };

        var p = SiteProfile.From(pages, "https://www.kern.de/");

        Assert.Equal((null, null, "Freiburg", "DE"), (p.Street, p.Postcode, p.City, p.Country));
    }

    [Fact]
    public void The_main_email_prefers_the_own_domain_and_the_contact_pages()
    {
        var pages = new[]
        {
            Page("https://www.kern.de/", PageKind.Home, ("email", "kern.holzbau@gmail.com", "mailto"),
                ("email", "eva.kern@kern.de", "text")),
            Page("https://www.kern.de/kontakt", PageKind.Contact, ("email", "info@kern.de", "cloudflare"),
                ("email", "kern.holzbau@gmail.com", "text")),
        };

        var p = SiteProfile.From(pages, "www.kern.de");

        Assert.Equal("info@kern.de", p.Email);
        Assert.Equal(["info@kern.de", "eva.kern@kern.de", "kern.holzbau@gmail.com"], p.Emails);
    }

    [Fact]
    public void The_main_phone_prefers_tel_links_on_the_contact_pages()
    {
        var pages = new[]
        {
            Page("https://kern.de/", PageKind.Home, ("phone", "+497611111111", "text")),
            Page("https://kern.de/blog/partner", PageKind.Other, ("phone", "+4930999999", "tel-link")),
            Page("https://kern.de/kontakt", PageKind.Contact, ("phone", "+497611234567", "tel-link"),
                ("phone", "+497611111111", "text")),
        };

        var p = SiteProfile.From(pages, "kern.de");

        Assert.Equal(["+497611234567", "+497611111111", "+4930999999"], p.Phones);
        Assert.Equal("+497611234567", p.Phone);
    }

    [Fact]
    public void Facts_are_kept_once_with_their_sources_and_lists_are_distinct()
    {
        var home = Page("https://kern.de/", PageKind.Home, ("social", "https://www.instagram.com/kern", "link"),
            ("segment", "holzbau", "keyword:holzbau"), ("employees", "30", "text"), ("language", "de", "meta"));
        var pages = new[]
        {
            home, home,
            Page("https://kern.de/team", PageKind.Team, ("social", "https://www.instagram.com/kern", "link"),
                ("social", "https://www.linkedin.com/company/kern", "json-ld"),
                ("segment", "holzbau", "keyword:zimmerei"),
                ("employees", "35", "json-ld"), ("person", "Eva Kern — Geschäftsführerin", "team-page")),
        };

        var p = SiteProfile.From(pages, "kern.de");

        Assert.Equal(9, p.Facts.Count);
        Assert.Equal(["https://www.linkedin.com/company/kern", "https://www.instagram.com/kern"], p.Socials);
        Assert.Equal(["holzbau"], p.SegmentsFound);
        Assert.Equal("35", p.Employees);
        Assert.Equal(["Eva Kern — Geschäftsführerin"], p.People);
        Assert.Equal("de", p.Language);
    }

    [Fact]
    public void No_pages_give_an_empty_profile()
    {
        var p = SiteProfile.From([], "kern.de");

        Assert.Null(p.Name);
        Assert.Empty(p.Facts);
        Assert.Empty(p.Emails);
    }
}
